package dev.imagepipe.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaExtensionIT {

    @Test
    void topicPrefixIsUniqueToTheClassAndStableAcrossParameters(KafkaEnvironment first, KafkaEnvironment second) {
        assertThat(first.topicPrefix()).startsWith("it-KafkaExtensionIT-").endsWith(".");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void recordProducedOnThePrefixedTopicIsConsumedBack(KafkaEnvironment kafka) throws Exception {
        String topic = kafka.createTopics("greetings").get(0);
        Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());

        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "hello")).get();
        }

        Map<String, Object> consumerConfig = new java.util.HashMap<>(common);
        consumerConfig.put("group.id", kafka.topic("reader"));
        consumerConfig.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await("one record on " + topic)
                    .atMost(Duration.ofSeconds(60))
                    .pollInSameThread()
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return !received.isEmpty();
                    });
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("key");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @Test
    void avroRecordRoundTripsThroughTheSchemaRegistry(KafkaEnvironment kafka) throws Exception {
        String topic = kafka.createTopics("dead-letters").get(0);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic("imagepipe.import.requests")
                .setPartition(3)
                .setOffset(42L)
                .setKey(ByteBuffer.wrap("ns/stream".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {7, 7, 7}))
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setErrorMessage("Unknown magic byte 7")
                .setApplication("importer")
                .setFailedAt(Instant.parse("2026-03-01T12:00:00Z"))
                .build();

        List<DeadLetter> received = new ArrayList<>();
        try (var serde = new SpecificAvroSerde<DeadLetter>()) {
            serde.configure(kafka.serdeConfig(), false);
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(),
                    serde.serializer())) {
                producer.send(new ProducerRecord<>(topic, "ns/stream", letter)).get();
            }
            Map<String, Object> consumerConfig = Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "group.id", kafka.topic("avro-reader"),
                    "auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), serde.deserializer())) {
                consumer.subscribe(List.of(topic));
                Awaitility.await("one dead letter on " + topic)
                        .atMost(Duration.ofSeconds(60))
                        .pollInSameThread()
                        .until(() -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                            return !received.isEmpty();
                        });
            }
        }

        assertThat(received).containsExactly(letter);
    }
}
