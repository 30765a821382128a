package dev.imagepipe.schemas.serde;

import static dev.imagepipe.schemas.serde.TestRecords.OBSERVED_AT;
import static dev.imagepipe.schemas.serde.TestRecords.TEST_IMAGE_V1;
import static dev.imagepipe.schemas.serde.TestRecords.avroBinary;
import static dev.imagepipe.schemas.serde.TestRecords.confluentBytes;
import static dev.imagepipe.schemas.serde.TestRecords.genericImage;
import static dev.imagepipe.schemas.serde.TestRecords.genericImageV1;
import static dev.imagepipe.schemas.serde.TestRecords.specificImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.schemas.avro.testing.TestImage;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.RetryPolicy;
import dev.imagepipe.schemas.registry.StubSchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private StubSchemaRegistry stub;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void startStub() throws IOException {
        stub = StubSchemaRegistry.start();
        client = new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()), RetryPolicy.NONE);
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    @Test
    void readsAGenericRecordInTheWriterSchemaFromHandAssembledBytes() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        byte[] bytes = confluentBytes(id, avroBinary(genericImage()));

        Object read = generic().deserialize("images", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        GenericRecord record = (GenericRecord) read;
        assertThat(record.getSchema()).isEqualTo(TestImage.getClassSchema());
        assertThat(record.get("digest")).hasToString("sha256:abc");
        assertThat(record.get("sizeBytes")).isEqualTo(2_048L);
        assertThat(record.get("platform")).hasToString("linux/amd64");
    }

    @Test
    void readsIntoTheConstructedSpecificType() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        byte[] bytes = confluentBytes(id, avroBinary(genericImage()));

        TestImage read = new AvroDeserializer<TestImage>(client, TestImage.class).deserialize("images", bytes);

        assertThat(read).isEqualTo(specificImage());
    }

    @Test
    void resolvesAnOlderWriterSchemaToTheReaderClassFillingAddedFieldsWithDefaults() {
        int v1 = stub.preregister("images-value", TEST_IMAGE_V1);
        byte[] bytes = confluentBytes(v1, avroBinary(genericImageV1(TEST_IMAGE_V1)));

        TestImage read = new AvroDeserializer<TestImage>(client, TestImage.class).deserialize("images", bytes);

        assertThat(read.getRepository()).isEqualTo("docker.io/library/busybox");
        assertThat(read.getDigest()).isEqualTo("sha256:abc");
        assertThat(read.getSizeBytes()).isEqualTo(2_048L);
        assertThat(read.getObservedAt()).isEqualTo(OBSERVED_AT);
        assertThat(read.getPlatform()).isNull();
    }

    @Test
    void specificAvroReaderConfigReadsTheClassNamedByTheWriterSchema() {
        int v1 = stub.preregister("images-value", TEST_IMAGE_V1);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of("specific.avro.reader", "true"), false);

        Object read = deserializer.deserialize("images", confluentBytes(v1, avroBinary(genericImageV1(TEST_IMAGE_V1))));

        assertThat(read).isInstanceOf(TestImage.class);
        assertThat(((TestImage) read).getPlatform()).isNull();
    }

    @Test
    void specificTypeCanBeConfiguredByClassName() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of("specific.avro.value.type", TestImage.class.getName()), false);

        assertThat(deserializer.deserialize("images", confluentBytes(id, avroBinary(genericImage()))))
                .isEqualTo(specificImage());
    }

    @Test
    void specificReaderRefusesWriterSchemasNamingUntrustedClasses() {
        Schema foreign = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Gadget\",\"namespace\":\"com.example\","
                        + "\"fields\":[{\"name\":\"x\",\"type\":\"string\"}]}");
        int id = stub.preregister("images-value", foreign);
        GenericRecord gadget = new GenericData.Record(foreign);
        gadget.put("x", "y");
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of("specific.avro.reader", true), false);

        assertThatThrownBy(() -> deserializer.deserialize("images", confluentBytes(id, avroBinary(gadget))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("com.example.Gadget");
    }

    @Test
    void genericReadsNeverInstantiateJavaClassesNamedByTheWriterSchema() {
        Schema hostile = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Evil\",\"namespace\":\"com.example\",\"fields\":[{\"name\":"
                        + "\"path\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\","
                        + "\"java-class\":\"java.io.File\"}}]}");
        int id = stub.preregister("images-value", hostile);
        GenericRecord record = new GenericData.Record(hostile);
        record.put("path", "/etc/passwd");

        GenericRecord read = (GenericRecord) generic().deserialize("images", confluentBytes(id, avroBinary(record)));

        assertThat(read.get("path")).isInstanceOf(String.class).isEqualTo("/etc/passwd");
    }

    @Test
    void nullIsReadAsNull() {
        assertThat(generic().deserialize("images", null)).isNull();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void unknownMagicByteFailsNamingTopicAndValue() {
        byte[] bytes = {7, 0, 0, 0, 1, 2};

        assertThatThrownBy(() -> generic().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte 7 for topic t value; expected 0");
    }

    @Test
    void payloadShorterThanTheHeaderFailsNamingTopicAndKey() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of(), true);

        assertThatThrownBy(() -> deserializer.deserialize("images", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images key")
                .hasMessageContaining("shorter than the 5-byte header");
    }

    @Test
    void unknownSchemaIdFailsNamingTopicAndIdAndTheRegistryCode() {
        byte[] bytes = confluentBytes(99, avroBinary(genericImage()));

        assertThatThrownBy(() -> generic().deserialize("images", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("does not know")
                .hasMessageContaining("40403");
    }

    @Test
    void truncatedBodyFailsNamingTopicAndSchemaId() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        byte[] whole = confluentBytes(id, avroBinary(genericImage()));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 4);

        assertThatThrownBy(() -> generic().deserialize("images", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id " + id);
        assertThatThrownBy(
                        () -> new AvroDeserializer<TestImage>(client, TestImage.class).deserialize("images", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void corruptBodyFailsNamingTopicAndSchemaId() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        // 0x01 is zig-zag -1: a negative string length for the first field.
        byte[] corrupt = confluentBytes(id, new byte[] {0x01, 0x00, 0x00});

        assertThatThrownBy(() -> generic().deserialize("images", corrupt))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void hugeLengthPrefixFailsWithoutAllocatingIt() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());
        // Zig-zag varint for a string length of 1,000,000,000: Avro alone would allocate a 1 GB array.
        byte[] corrupt = confluentBytes(id, new byte[] {(byte) 0x80, (byte) 0xA8, (byte) 0xD6, (byte) 0xB9, 0x07});

        assertThatThrownBy(() -> generic().deserialize("images", corrupt))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("length 1000000000");
        assertThatThrownBy(
                        () -> new AvroDeserializer<TestImage>(client, TestImage.class).deserialize("images", corrupt))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("length 1000000000");
    }

    @Test
    void unreachableRegistryFailsNamingTopicAndIdWithoutCredentials() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(
                Map.of(
                        "schema.registry.url", "http://127.0.0.1:" + closedPort,
                        "basic.auth.credentials.source", "USER_INFO",
                        "basic.auth.user.info", "bob:s3cret"),
                false);

        assertThatThrownBy(() -> deserializer.deserialize("images", confluentBytes(5, new byte[] {2, 'a'})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("unreachable at http://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("bob");
        deserializer.close();
    }

    @Test
    void unconfiguredDeserializerWithoutClientFailsWithSerializationException() {
        assertThatThrownBy(() -> new AvroDeserializer<>().deserialize("images", new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured");
    }

    private AvroDeserializer<Object> generic() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of(), false);
        return deserializer;
    }
}
