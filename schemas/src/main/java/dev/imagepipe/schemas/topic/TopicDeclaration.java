package dev.imagepipe.schemas.topic;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a topic must look like on the broker: its full (prefixed) name, cleanup policy, partition count and, for
 * {@link CleanupPolicy#DELETE} topics, how long records are kept.
 *
 * @param name the full topic name, prefix included
 * @param cleanupPolicy compacted tables or time-bounded logs
 * @param partitions the partition count used when the topic is created
 * @param retention how long records are kept; {@link #UNLIMITED} keeps them forever; ignored for compacted topics
 */
public record TopicDeclaration(String name, CleanupPolicy cleanupPolicy, int partitions, Duration retention) {

    /** Kafka's {@code retention.ms} value meaning "never delete by age". */
    public static final Duration UNLIMITED = Duration.ofMillis(-1);

    public TopicDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(retention, "retention");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        if (retention.isNegative() && !retention.equals(UNLIMITED)) {
            throw new IllegalArgumentException("topic " + name + ": retention must be positive or UNLIMITED");
        }
    }

    /** A compacted table topic: newest value per key, kept forever. */
    public static TopicDeclaration compacted(String name, int partitions) {
        return new TopicDeclaration(name, CleanupPolicy.COMPACT, partitions, UNLIMITED);
    }

    /** A log topic whose records are deleted once older than {@code retention} (or never, for {@link #UNLIMITED}). */
    public static TopicDeclaration log(String name, int partitions, Duration retention) {
        return new TopicDeclaration(name, CleanupPolicy.DELETE, partitions, retention);
    }

    public boolean compacted() {
        return cleanupPolicy == CleanupPolicy.COMPACT;
    }

    /**
     * The topic-level settings to create the topic with. A log deleted by age is stamped with the broker's append time:
     * the apps stamp records with event time (the request's time, so replays reproduce them), and retention counted from
     * an event months old would delete a replayed record as soon as it is written. The event time stays in the value.
     */
    public Map<String, String> configs() {
        if (compacted()) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        }
        if (retention.equals(UNLIMITED)) {
            return Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue(),
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    }
}
