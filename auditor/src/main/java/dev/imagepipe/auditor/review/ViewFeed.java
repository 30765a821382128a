package dev.imagepipe.auditor.review;

import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the view from the compacted {@code images}, {@code signatures}, {@code tags} and {@code policy} topics, on its
 * own thread. It assigns itself every partition and reads from the beginning, with no consumer group and no commits,
 * so it never disturbs the running apps and always rebuilds the whole view; {@code read_committed}, so nothing of an
 * aborted transaction is ever believed. It is ready once it has read up to the end offsets taken when it started, and
 * stays ready while it runs; a record it cannot read or apply is logged, counted and skipped.
 */
final class ViewFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);

    /** How long one poll waits for records; {@link #close} wakes it, so this only paces the readiness check. */
    static final Duration POLL = Duration.ofMillis(500);

    /** Wait between attempts to find the topics, which the importer and tagger create when they first start. */
    static final Duration TOPIC_RETRY = Duration.ofSeconds(5);

    /** How long closing waits for the feed thread to leave its poll. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private record Source<V>(String topic, Deserializer<V> values, BiConsumer<String, V> apply) {
        static <V> Source<V> of(Topic<String, V> topic, BiConsumer<String, V> apply) {
            return new Source<>(topic.name(), topic.valueSerde().deserializer(), apply);
        }

        void apply(ConsumerRecord<String, byte[]> record) {
            V value = record.value() == null ? null : values.deserialize(record.topic(), record.value());
            apply.accept(record.key(), value);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Source<?>> sources = new HashMap<>();
    private final ReviewMetrics metrics;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean stopped;

    /**
     * @param bootstrapServers the Kafka cluster
     * @param topics the catalog, whose serdes read the values
     */
    ViewFeed(String bootstrapServers, Topics topics, AvroViewUpdates updates, ReviewMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        List.of(
                        Source.of(topics.images(), updates::image),
                        Source.of(topics.signatures(), updates::signature),
                        Source.of(topics.tags(), updates::tag),
                        Source.of(topics.policy(), updates::policy))
                .forEach(source -> sources.put(source.topic(), source));
        this.consumer = new KafkaConsumer<>(
                consumerConfig(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "imagepipe-auditor-view-feed");
        thread.setDaemon(true);
    }

    /** The topic names this feed reads, for metric labels. */
    static String[] topicNames(Topics topics) {
        return new String[] {
            topics.images().name(),
            topics.signatures().name(),
            topics.tags().name(),
            topics.policy().name()
        };
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "imagepipe-auditor-review");
        return config;
    }

    void start() {
        thread.start();
    }

    /** Whether the view has caught up with the topics and the feed still runs. */
    boolean ready() {
        return caughtUp.getCount() == 0 && !stopped;
    }

    private void run() {
        try {
            Map<TopicPartition, Long> ends = assign();
            while (closing.getCount() > 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && reached(ends)) {
                    LOG.info("image policy view caught up: ready for reviews");
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            LOG.error("the image policy view feed stopped; reviews are refused until restart", e);
        } finally {
            stopped = true;
            consumer.close();
        }
    }

    /** Assigns every partition of the four topics from the beginning, once they all exist; returns their end offsets. */
    private Map<TopicPartition, Long> assign() throws InterruptedException {
        while (true) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : sources.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (missing.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return consumer.endOffsets(partitions);
            }
            LOG.warn("waiting for topics {} to exist (created when the importer and tagger start)", missing);
            if (closing.await(TOPIC_RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("closed while waiting for topics");
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            sources.get(record.topic()).apply(record);
            metrics.applied(record.topic());
        } catch (RuntimeException e) {
            metrics.skipped();
            LOG.warn(
                    "skipped {}-{}@{} (key {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        closing.countDown();
        if (thread.getState() == Thread.State.NEW) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
