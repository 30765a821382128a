package dev.imagepipe.cli.testing;

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
 * Reads a catalog topic in a test, with the catalog's own serdes: from the offsets at creation (the topic's end, or
 * its start) until enough records have arrived or a bound passes.
 */
public final class TopicRecords<V> implements AutoCloseable {

    /** Generous for a local broker; only reached when the record under test never comes, failing the test. */
    static final Duration WITHIN = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, V> consumer;

    private TopicRecords(String bootstrapServers, Topic<String, V> topic, boolean fromStart) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(topic.name(), info.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.endOffsets(partitions).forEach(consumer::seek);
        }
    }

    /** Records produced after this call. */
    public static <V> TopicRecords<V> fromEnd(String bootstrapServers, Topic<String, V> topic) {
        return new TopicRecords<>(bootstrapServers, topic, false);
    }

    /** Every record of the topic. */
    public static <V> TopicRecords<V> fromStart(String bootstrapServers, Topic<String, V> topic) {
        return new TopicRecords<>(bootstrapServers, topic, true);
    }

    /** The next {@code count} records; fails when they do not arrive within {@link #WITHIN}. */
    public List<ConsumerRecord<String, V>> next(int count) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " records within " + WITHIN + ", got " + records);
            }
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    /**
     * Reads on, adding to {@code seen}, until {@code done} holds for it; fails when it does not within {@code within}.
     */
    public void readUntil(
            List<ConsumerRecord<String, V>> seen, Predicate<List<ConsumerRecord<String, V>>> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + within + " after " + seen.size() + " records");
            }
            consumer.poll(POLL).forEach(seen::add);
        }
    }

    /** Every record up to the end as of this call (for read_committed, the last stable offset); bounded by {@link #WITHIN}. */
    public List<ConsumerRecord<String, V>> toEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        readUntil(
                records,
                ignored -> ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue()),
                WITHIN);
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
