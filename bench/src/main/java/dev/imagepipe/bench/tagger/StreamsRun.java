package dev.imagepipe.bench.tagger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs one Streams app over input already on its topic and times it: from the moment it is {@code RUNNING} to the
 * moment its committed input offsets reach the end of the input, i.e. until every result is processed and its output
 * committed. Under exactly-once that is when readers can see everything.
 */
final class StreamsRun {

    /** How often progress is checked: small against runs of seconds, cheap for the broker. */
    private static final Duration PROGRESS_POLL = Duration.ofMillis(20);

    /** A run that takes longer is stuck; the benchmark says so rather than hang. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamsRun() {}

    /** The time from {@code RUNNING} until all of {@code inputTopic} is consumed and committed. */
    static Duration time(Topology topology, Properties properties, Admin admin, String inputTopic, int partitions)
            throws Exception {
        String group = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Map<TopicPartition, Long> end = endOffsets(admin, inputTopic, partitions);
        CountDownLatch running = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(group + " never reached RUNNING: " + streams.state());
            }
            long start = System.nanoTime();
            long limit = start + RUN_LIMIT.toNanos();
            while (!committed(admin, group, end.keySet()).equals(end)) {
                if (System.nanoTime() > limit || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(group + " did not finish: " + streams.state());
                }
                Thread.sleep(PROGRESS_POLL.toMillis()); // a polling loop in a benchmark driver, not a test
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            streams.close(CLOSE_TIMEOUT);
            streams.cleanUp();
            return took;
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions)
            throws ExecutionException, InterruptedException {
        var request = new LinkedHashMap<TopicPartition, OffsetSpec>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        var out = new LinkedHashMap<TopicPartition, Long>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((partition, info) -> out.put(partition, info.offset()));
        return out;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, Set<TopicPartition> wanted)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        var out = new LinkedHashMap<TopicPartition, Long>();
        for (TopicPartition partition : wanted) {
            OffsetAndMetadata offset = offsets.get(partition);
            out.put(partition, offset == null ? 0L : offset.offset());
        }
        return out;
    }
}
