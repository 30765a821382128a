package dev.imagepipe.auditor.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics once, from the beginning to the end offsets seen when it starts, with its own assignment: no
 * consumer group (nothing on the broker to clean up, no rebalance of the running apps), no committed offsets, and
 * {@code read_committed}, where the end offset is the last stable offset.
 */
public final class LogReader {

    /** Records per poll: large batches, because a replay reads everything and processes records cheaply. */
    static final int MAX_POLL_RECORDS = 5_000;

    /** One poll's wait: short enough to notice the end of the log quickly. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    /**
     * How long the read may make no progress before it gives up: a broker gone for this long will not answer a person
     * waiting at a terminal either. Measured on the wall clock, which is all a stalled read has.
     */
    static final Duration STALL_LIMIT = Duration.ofMinutes(2);

    /** Receives each record, raw. */
    @FunctionalInterface
    public interface Sink {
        void accept(ConsumerRecord<byte[], byte[]> record);
    }

    private final Map<String, Object> consumerConfig;

    /** @param bootstrapServers Kafka's {@code bootstrap.servers} */
    public LogReader(String bootstrapServers) {
        this(consumerConfig(bootstrapServers));
    }

    LogReader(Map<String, Object> consumerConfig) {
        this.consumerConfig = Map.copyOf(consumerConfig);
    }

    /** A consumer configuration for assigned partitions, no group, no commits, {@code read_committed}. */
    public static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "imagepipe-auditor");
        return config;
    }

    /**
     * Reads every record of {@code topics}, passing each to {@code sink} on this thread, in log order per partition.
     *
     * @return the topics that do not exist (read as empty)
     * @throws ReplayException when the log cannot be read
     */
    public List<String> read(Collection<String> topics, Sink sink, ReplayProgress progress) {
        try (Consumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<String> missing = new ArrayList<>();
            List<TopicPartition> partitions = partitions(consumer, topics, missing);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream()
                    .mapToLong(p -> end.get(p) - begin.get(p))
                    .sum();
            Set<TopicPartition> remaining = new HashSet<>();
            partitions.stream().filter(p -> end.get(p) > begin.get(p)).forEach(remaining::add);
            consumer.pause(
                    partitions.stream().filter(p -> !remaining.contains(p)).toList());
            drain(consumer, remaining, end, sink, progress, total);
            return missing;
        } catch (KafkaException e) {
            throw new ReplayException("could not read " + topics + ": " + e.getMessage(), e);
        }
    }

    private static List<TopicPartition> partitions(
            Consumer<byte[], byte[]> consumer, Collection<String> topics, List<String> missing) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                missing.add(topic);
                continue;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private static void drain(
            Consumer<byte[], byte[]> consumer,
            Set<TopicPartition> remaining,
            Map<TopicPartition, Long> end,
            Sink sink,
            ReplayProgress progress,
            long total) {
        long read = 0;
        long lastProgress = System.nanoTime();
        while (!remaining.isEmpty()) {
            boolean moved = false;
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    sink.accept(record);
                    read++;
                    moved = true;
                }
            }
            List<TopicPartition> done = remaining.stream()
                    .filter(p -> consumer.position(p) >= end.get(p))
                    .toList();
            if (!done.isEmpty()) {
                done.forEach(remaining::remove);
                consumer.pause(done); // records written after the start are not part of this replay
                moved = true;
            }
            if (moved) {
                lastProgress = System.nanoTime();
                progress.update(read, total);
            } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALL_LIMIT) > 0) {
                throw new ReplayException("no progress reading " + remaining + " for " + STALL_LIMIT);
            }
        }
        progress.update(read, total);
    }
}
