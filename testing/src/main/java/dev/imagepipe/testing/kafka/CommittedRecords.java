package dev.imagepipe.testing.kafka;

import static org.awaitility.Awaitility.await;

import dev.imagepipe.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a catalog topic the way downstream consumers and auditors do: {@code read_committed}, every partition assigned
 * from its start, no consumer group and no committed offsets, so tests never disturb the apps they watch.
 */
public final class CommittedRecords {

    /** How long one poll waits for records before the condition is checked again. */
    private static final Duration POLL = Duration.ofMillis(200);

    private CommittedRecords() {}

    /** A {@code read_committed} consumer assigned every partition of {@code topic}, at its start; close it. */
    public static <V> KafkaConsumer<String, V> fromStart(String bootstrapServers, Topic<String, V> topic) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Every committed record of {@code topic} from its start, once {@code done} holds for them; fails after timeout. */
    public static <V> List<ConsumerRecord<String, V>> awaitUntil(
            String bootstrapServers,
            Topic<String, V> topic,
            Duration timeout,
            Predicate<List<ConsumerRecord<String, V>>> done) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = fromStart(bootstrapServers, topic)) {
            await().atMost(timeout).pollInSameThread().until(() -> {
                consumer.poll(POLL).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    /** Everything committed on {@code topic} now: up to each partition's last stable offset as of this call. */
    public static <V> List<ConsumerRecord<String, V>> readAll(
            String bootstrapServers, Topic<String, V> topic, Duration timeout) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = fromStart(bootstrapServers, topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            await().atMost(timeout).pollInSameThread().until(() -> {
                consumer.poll(POLL).forEach(records::add);
                return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            });
        }
        return records;
    }
}
