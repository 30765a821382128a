package dev.imagepipe.schemas.serde;

import static dev.imagepipe.schemas.serde.TestRecords.specificImage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.avro.testing.TestImage;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.StubSchemaRegistry;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution {@code serde-without-avro-trusted-packages} (see schemas/pom.xml), which starts
 * the JVM the way applications do: without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 */
class SerdeWithoutTrustedPackagesTest {

    private StubSchemaRegistry stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = StubSchemaRegistry.start();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void roundTripsSpecificRecordsWithoutAvroTrustedPackagesProperty() {
        assertThat(SpecificDatumReader.SERIALIZABLE_PACKAGES).isEmpty();
        try (var client = new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()));
                var serde = new SpecificAvroSerde<TestImage>(client)) {
            serde.configure(Map.of(), false);

            byte[] bytes = serde.serializer().serialize("images", specificImage());

            assertThat(serde.deserializer().deserialize("images", bytes)).isEqualTo(specificImage());
        }
    }
}
