package dev.imagepipe.cli.kafka;

import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.topic.Topic;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows {@code tag.events} live: every partition from the end captured at construction, read_committed (an aborted
 * tagger transaction is never shown), own assignment (no group, no offsets left behind). {@link #follow} runs on the
 * caller's thread until its limit or until {@link #wakeup()} is called from another, e.g. a shutdown hook on Ctrl-C.
 */
public final class TagEventFollower implements AutoCloseable {

    /** How long one poll waits: a stop request is noticed within this. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Topic<String, TagEventRecord> topic;
    private final KafkaConsumer<String, TagEventRecord> consumer;

    /** @throws org.apache.kafka.common.errors.UnknownTopicOrPartitionException when the topic does not exist */
    public TagEventFollower(KafkaConnection connection) {
        this.topic = connection.topics().tagEvents();
        this.consumer = new KafkaConsumer<>(
                connection.consumerConfig(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        try {
            Partitions.assignAll(consumer, topic.name()).forEach(consumer::seek);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    public String topicName() {
        return topic.name();
    }

    /**
     * Hands each new event whose key ({@code ns/stream:tag}) {@code keys} accepts to {@code each}, in each partition's
     * order, until {@code limit} events were handed over or {@link #wakeup()} is called. Events of a kind this CLI does
     * not know ({@code Unknown}) and records it cannot decode are skipped.
     *
     * @param limit how many events to hand over before returning; {@link Long#MAX_VALUE} for no limit
     * @return how many events were handed over
     */
    public long follow(Predicate<String> keys, Consumer<TagEventRecord> each, long limit) {
        Objects.requireNonNull(keys, "keys");
        long handed = 0;
        try {
            while (handed < limit) {
                handed += pollOnce(keys, each, limit - handed);
            }
        } catch (WakeupException stopped) {
            // asked to stop: return what was handed over
        }
        return handed;
    }

    private long pollOnce(Predicate<String> keys, Consumer<TagEventRecord> each, long remaining) {
        long handed = 0;
        try {
            for (ConsumerRecord<String, TagEventRecord> record : consumer.poll(POLL_INTERVAL)) {
                TagEventRecord value = record.value();
                if (handed < remaining
                        && value != null
                        && value.getKind() != TagEventKind.Unknown
                        && record.key() != null
                        && keys.test(record.key())) {
                    each.accept(value);
                    handed++;
                }
            }
        } catch (RecordDeserializationException e) {
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        return handed;
    }

    /** Makes a running {@link #follow} return; safe from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
