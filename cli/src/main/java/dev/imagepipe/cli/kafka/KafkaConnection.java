package dev.imagepipe.cli.kafka;

import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * Where the pipeline's Kafka and schema registry are, and the client settings every CLI command uses with them.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param schemaRegistryUrl the schema registry's {@code schema.registry.url}
 * @param topicPrefix the prefix of every topic name
 */
public record KafkaConnection(String bootstrapServers, String schemaRegistryUrl, String topicPrefix) {

    /**
     * How long a send may wait for metadata or buffer space: a broker that has not answered in this time is down or
     * unreachable, and a person at a terminal should hear so rather than wait for Kafka's one-minute default.
     */
    static final Duration SEND_BLOCK_LIMIT = Duration.ofSeconds(30);

    /** Bound on a send from first try to acknowledgement; must be at least linger + request timeout (30 s). */
    static final Duration DELIVERY_LIMIT = Duration.ofSeconds(45);

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
    }

    /** The topic catalog with this prefix and Avro serdes on this schema registry. */
    public Topics topics() {
        return Topics.create(
                topicPrefix,
                Topics.DEFAULT_PARTITIONS,
                ValueSerdes.schemaRegistry(Map.of("schema.registry.url", schemaRegistryUrl)));
    }

    /** An idempotent producer that waits for every in-sync replica: a submitted request must not be lost. */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_BLOCK_LIMIT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_LIMIT.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "imagepipe-cli");
        return config;
    }

    /**
     * A consumer for assigned partitions only: no group, no offset commits, so a CLI run leaves nothing behind on the
     * broker; read_committed so a result of an aborted importer transaction is never shown.
     */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "imagepipe-cli");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) SEND_BLOCK_LIMIT.toMillis());
        return config;
    }
}
