package dev.imagepipe.cli.kafka;

import dev.imagepipe.schemas.topic.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a compacted catalog topic as the table it stands for: every partition from its start to the end captured when
 * reading begins, with read_committed, the latest value per key, and a tombstone dropping its key. Uses its own
 * assignment, so reading leaves no consumer group or offsets behind.
 */
public final class TopicTable {

    /** One poll; a compacted topic is read to its end in a few of these. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private TopicTable() {}

    /**
     * The current value of every key {@code wanted} accepts, ordered by key.
     *
     * @param topic a fresh catalog entry: the consumer closes the serdes it is given
     * @throws org.apache.kafka.common.errors.UnknownTopicOrPartitionException when the topic does not exist
     */
    public static <V> SortedMap<String, V> read(
            KafkaConnection connection, Topic<String, V> topic, Predicate<String> wanted) {
        SortedMap<String, V> table = new TreeMap<>();
        try (Consumer<String, V> consumer = new KafkaConsumer<>(
                connection.consumerConfig(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            Map<TopicPartition, Long> ends = Partitions.assignAll(consumer, topic.name());
            consumer.seekToBeginning(ends.keySet());
            while (!Partitions.reachedEnd(consumer, ends)) {
                for (ConsumerRecord<String, V> record : consumer.poll(POLL_INTERVAL)) {
                    if (record.key() == null || !wanted.test(record.key())) {
                        continue;
                    }
                    if (record.value() == null) {
                        table.remove(record.key());
                    } else {
                        table.put(record.key(), record.value());
                    }
                }
            }
        }
        return table;
    }
}
