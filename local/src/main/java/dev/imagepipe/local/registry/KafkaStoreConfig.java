package dev.imagepipe.local.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link KafkaSchemaStore} keeps the registry's state.
 *
 * @param bootstrapServers the Kafka {@code bootstrap.servers}
 * @param topic the compacted topic holding the state
 * @param replicationFactor the replication factor used when the topic has to be created
 * @param timeout how long one write, or the replay at start, may take before it fails
 */
public record KafkaStoreConfig(String bootstrapServers, String topic, short replicationFactor, Duration timeout) {

    /** Confluent's default {@code kafkastore.topic}, so tools that look for it find it. */
    public static final String DEFAULT_TOPIC = "_schemas";

    /** One replica: the store is meant for the single-node local broker; a cluster should pass 3. */
    public static final short DEFAULT_REPLICATION_FACTOR = 1;

    /** Confluent's {@code kafkastore.timeout.ms} is 500 ms; a local broker under a build's load needs more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public KafkaStoreConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timeout, "timeout");
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
    }

    /** The defaults for a broker at {@code bootstrapServers}. */
    public static KafkaStoreConfig of(String bootstrapServers) {
        return new KafkaStoreConfig(bootstrapServers, DEFAULT_TOPIC, DEFAULT_REPLICATION_FACTOR, DEFAULT_TIMEOUT);
    }

    public KafkaStoreConfig withTopic(String newTopic) {
        return new KafkaStoreConfig(bootstrapServers, newTopic, replicationFactor, timeout);
    }
}
