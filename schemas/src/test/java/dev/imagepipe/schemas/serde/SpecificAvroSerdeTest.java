package dev.imagepipe.schemas.serde;

import static dev.imagepipe.schemas.serde.TestRecords.specificImage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.avro.testing.TestImage;
import dev.imagepipe.schemas.registry.CachedSchemaRegistryClient;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.StubSchemaRegistry;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

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
    void roundTripsThroughTheSerdeConfiguredLikeConfluents() {
        try (SpecificAvroSerde<TestImage> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", stub.url()), false);

            byte[] bytes = serde.serializer().serialize("images", specificImage());

            assertThat(serde.deserializer().deserialize("images", bytes)).isEqualTo(specificImage());
        }
    }

    @Test
    void impliesSpecificAvroReaderEvenWhenConfiguredFalse() {
        try (SpecificAvroSerde<TestImage> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of("schema.registry.url", stub.url(), "specific.avro.reader", "false"), false);

            byte[] bytes = serde.serializer().serialize("images", specificImage());

            assertThat(serde.deserializer().deserialize("images", bytes)).isInstanceOf(TestImage.class);
        }
    }

    @Test
    void roundTripsWithAnInjectedClientAndAsKey() {
        try (var client = new CachedSchemaRegistryClient(
                        new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url())));
                var serde = new SpecificAvroSerde<>(client, TestImage.class)) {
            serde.configure(Map.of(), true);

            byte[] bytes = serde.serializer().serialize("images", specificImage());
            TestImage read = serde.deserializer().deserialize("images", bytes);

            assertThat(read).isEqualTo(specificImage());
            assertThat(stub.requests()).containsExactly("POST /subjects/images-key/versions");
        }
    }

    @Test
    void serdeOnAnInjectedClientReadsSpecificRecordsWithoutConfigure() {
        try (var client = new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()));
                var serde = new SpecificAvroSerde<TestImage>(client)) {
            byte[] bytes = serde.serializer().serialize("images", specificImage());

            assertThat(serde.deserializer().deserialize("images", bytes)).isEqualTo(specificImage());
            assertThat(stub.requests()).first().isEqualTo("POST /subjects/images-value/versions");
        }
    }

    /** Runs only in the surefire execution that omits -Dorg.apache.avro.SERIALIZABLE_PACKAGES, as applications do. */
}
