package dev.imagepipe.schemas.serde;

import static dev.imagepipe.schemas.serde.TestRecords.TEST_IMAGE_V1;
import static dev.imagepipe.schemas.serde.TestRecords.avroBinary;
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
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    /** Spans all four id bytes, so byte order shows. */
    private static final int KNOWN_ID = 0x01020304;

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
    void specificRecordIsWrittenAsMagicByteBigEndianIdAndPlainAvroBinary() {
        stub.nextId(KNOWN_ID);

        byte[] bytes = serializer(Map.of(), false).serialize("images", specificImage());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(genericImage()));
    }

    @Test
    void genericRecordIsWrittenInTheSameLayout() {
        stub.nextId(KNOWN_ID);

        byte[] bytes = serializer(Map.of(), false).serialize("images", genericImage());

        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(genericImage()));
    }

    @Test
    void autoRegisterRegistersUnderTopicValueSubject() {
        serializer(Map.of(), false).serialize("images", specificImage());

        assertThat(stub.requests()).containsExactly("POST /subjects/images-value/versions");
    }

    @Test
    void keySerializerUsesTopicKeySubject() {
        serializer(Map.of(), true).serialize("images", specificImage());

        assertThat(stub.requests()).containsExactly("POST /subjects/images-key/versions");
    }

    @Test
    void withoutAutoRegisterTheIdIsLookedUpNotRegistered() {
        int id = stub.preregister("images-value", TestImage.getClassSchema());

        byte[] bytes = serializer(Map.of("auto.register.schemas", false), false).serialize("images", specificImage());

        assertThat(WireFormat.readSchemaId(bytes, "images", false)).isEqualTo(id);
        assertThat(stub.requests()).containsExactly("POST /subjects/images-value");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsNamingTopicAndSubject() {
        stub.preregister("images-value", TEST_IMAGE_V1);
        var serializer = serializer(Map.of("auto.register.schemas", false), false);

        assertThatThrownBy(() -> serializer.serialize("images", specificImage()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("subject images-value")
                .hasMessageContaining("40403");
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaAndId() {
        stub.preregister("images-value", TEST_IMAGE_V1);
        int latest = stub.preregister("images-value", TestImage.getClassSchema());
        var serializer = serializer(Map.of("auto.register.schemas", false, "use.latest.version", true), false);

        byte[] bytes = serializer.serialize("images", specificImage());

        assertThat(WireFormat.readSchemaId(bytes, "images", false)).isEqualTo(latest);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(genericImage()));
        assertThat(stub.requests()).containsExactly("GET /subjects/images-value/versions/latest");
    }

    @Test
    void nullIsWrittenAsNull() {
        assertThat(serializer(Map.of(), false).serialize("images", null)).isNull();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void recordMissingARequiredFieldFailsNamingTopicAndSchemaId() {
        stub.nextId(KNOWN_ID);
        GenericRecord incomplete = new GenericData.Record(TEST_IMAGE_V1);
        incomplete.put("repository", "busybox");

        assertThatThrownBy(() -> serializer(Map.of(), false).serialize("images", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("schema id " + KNOWN_ID);
    }

    @Test
    void nonAvroValueFailsNamingTopic() {
        AvroSerializer<Object> serializer = new AvroSerializer<>(client);

        assertThatThrownBy(() -> serializer.serialize("images", "just a string"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void unreachableRegistryFailsNamingTopicAndUrlWithoutCredentials() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "http://bob:s3cret@127.0.0.1:" + closedPort), false);

        assertThatThrownBy(() -> serializer.serialize("images", genericImageV1(TEST_IMAGE_V1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic images value")
                .hasMessageContaining("unreachable at http://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("bob");
        serializer.close();
    }

    @Test
    void unconfiguredSerializerWithoutClientFailsWithSerializationException() {
        assertThatThrownBy(() -> new AvroSerializer<>().serialize("images", specificImage()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not configured");
    }

    private <T> AvroSerializer<T> serializer(Map<String, ?> config, boolean isKey) {
        AvroSerializer<T> serializer = new AvroSerializer<>(client);
        serializer.configure(config, isKey);
        return serializer;
    }
}
