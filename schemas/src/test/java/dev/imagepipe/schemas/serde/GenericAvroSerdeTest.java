package dev.imagepipe.schemas.serde;

import static dev.imagepipe.schemas.serde.TestRecords.genericImage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.StubSchemaRegistry;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenericAvroSerdeTest {

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
    void roundTripsAGenericRecord() {
        try (GenericAvroSerde serde = new GenericAvroSerde()) {
            serde.configure(Map.of("schema.registry.url", stub.url()), false);

            byte[] bytes = serde.serializer().serialize("images", genericImage());
            GenericRecord read = serde.deserializer().deserialize("images", bytes);

            // Generic strings read back as Utf8 unless the schema says otherwise; compare through Avro's own equality.
            assertThat(GenericData.get()
                            .compare(read, genericImage(), genericImage().getSchema()))
                    .isZero();
        }
    }

    @Test
    void readsGenericRecordsEvenWhenSpecificReaderIsConfigured() {
        try (var client = new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()));
                var serde = new GenericAvroSerde(client)) {
            serde.configure(Map.of("specific.avro.reader", true), false);

            byte[] bytes = serde.serializer().serialize("images", genericImage());

            assertThat(serde.deserializer().deserialize("images", bytes)).isInstanceOf(GenericData.Record.class);
        }
    }
}
