package dev.imagepipe.local.registry;

import static dev.imagepipe.local.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.local.kafka.EmbeddedKafka;
import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.local.registry.RegistryHttp.Answer;
import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.RetryPolicy;
import dev.imagepipe.schemas.registry.SchemaVersion;
import dev.imagepipe.schemas.serde.GenericAvroSerde;
import dev.imagepipe.schemas.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registry on a real broker: serdes through it, state surviving restarts, Confluent's 409 body. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SchemaRegistryServerIT {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.freePorts(data));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void specificAndGenericSerdesRoundTripThroughTheRegistry() throws Exception {
        createTopic("dlq");
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(store("_schemas"))) {
            Map<String, Object> serdeConfig = Map.of(RegistryClientSettings.URL, registry.url());
            DeadLetter letter = deadLetter();
            try (SpecificAvroSerde<DeadLetter> specific = new SpecificAvroSerde<>();
                    GenericAvroSerde generic = new GenericAvroSerde()) {
                specific.configure(serdeConfig, false);
                generic.configure(serdeConfig, false);

                produce("dlq", specific, letter);
                List<byte[]> values = consume("dlq", 1);

                assertThat(specific.deserializer().deserialize("dlq", values.getFirst()))
                        .isEqualTo(letter);
                GenericRecord read = generic.deserializer().deserialize("dlq", values.getFirst());
                assertThat(read.get("application").toString()).isEqualTo("importer");
                assertThat(read.getSchema()).isEqualTo(DeadLetter.getClassSchema());
            }
            try (RestSchemaRegistryClient client = client(registry)) {
                SchemaVersion latest = client.version("dlq-value", "latest");
                assertThat(latest.version()).isEqualTo(1);
                assertThat(latest.schema()).isEqualTo(DeadLetter.getClassSchema());
            }
        }
        assertThat(describe("_schemas").partitions()).hasSize(1);
        assertThat(topicConfig("_schemas", "cleanup.policy")).isEqualTo("compact");
    }

    @Test
    void idsVersionsAndConfigSurviveARestartOnTheSameTopic() {
        SchemaRegistryConfig config = store("_schemas-restart");
        int v1;
        int v2;
        int other;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(config);
                RestSchemaRegistryClient client = client(registry);
                RegistryHttp http = new RegistryHttp(registry.url())) {
            v1 = client.register("events-value", TestSchemas.V1);
            v2 = client.register("events-value", TestSchemas.V2);
            other = client.register("other-value", TestSchemas.OTHER);
            http.put("/config/events-value", "{\"compatibility\":\"FULL\"}");
            http.delete("/subjects/other-value");
        }

        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config);
                RestSchemaRegistryClient client = client(restarted);
                RegistryHttp http = new RegistryHttp(restarted.url())) {
            assertThat(client.schemaById(v1)).isEqualTo(TestSchemas.V1);
            assertThat(client.schemaById(other)).isEqualTo(TestSchemas.OTHER);
            assertThat(client.version("events-value", "latest"))
                    .isEqualTo(new SchemaVersion("events-value", v2, 2, TestSchemas.V2));
            assertThat(client.register("events-value", TestSchemas.V1)).isEqualTo(v1);
            assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"events-value\"]");
            assertThat(http.get("/config/events-value")
                            .body()
                            .get("compatibilityLevel")
                            .asText())
                    .isEqualTo("FULL");
            int next = client.register("new-value", TestSchemas.INCOMPATIBLE);
            assertThat(next).isEqualTo(Math.max(Math.max(v1, v2), other) + 1);
        }
    }

    @Test
    void incompatibleRegistrationGets409WithConfluentsErrorBody() {
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(store("_schemas-incompatible"));
                RegistryHttp http = new RegistryHttp(registry.url())) {
            assertThat(http.post("/subjects/events-value/versions", schemaBody(TestSchemas.V1))
                            .status())
                    .isEqualTo(200);

            Answer answer = http.post("/subjects/events-value/versions", schemaBody(TestSchemas.INCOMPATIBLE));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.body().fieldNames()).toIterable().containsExactly("error_code", "message");
            assertThat(answer.errorCode()).isEqualTo(409);
            assertThat(answer.body().get("message").asText()).contains("incompatible", "events-value");
        }
    }

    private static SchemaRegistryConfig store(String topic) {
        KafkaStoreConfig store = KafkaStoreConfig.of(kafka.bootstrapServers()).withTopic(topic);
        return new SchemaRegistryConfig(0, Optional.of(store));
    }

    private static RestSchemaRegistryClient client(SchemaRegistryServer registry) {
        return new RestSchemaRegistryClient(RegistryClientSettings.of(registry.url()), RetryPolicy.NONE);
    }

    private static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("imagepipe.import.requests")
                .setPartition(3)
                .setOffset(1042L)
                .setKey(ByteBuffer.wrap("prod/busybox".getBytes(StandardCharsets.UTF_8)))
                .setValue(null)
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setErrorMessage("Error retrieving Avro schema for id 42")
                .setApplication("importer")
                .setFailedAt(Instant.parse("2026-03-01T09:15:00.900Z"))
                .build();
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static TopicDescription describe(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        }
    }

    private static String topicConfig(String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get(key)
                    .value();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static <T> void produce(String topic, Serde<T> serde, T value) throws Exception {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "prod/busybox", value)).get();
        }
    }

    private static List<byte[]> consume(String topic, int expected) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicPartition partition = new TopicPartition(topic, 0);
        List<byte[]> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                props, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).hasSize(expected);
        return values;
    }
}
