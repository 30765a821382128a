package dev.imagepipe.local;

import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link LocalRuntime} runs: where its data lives, its loopback ports (0 picks a free one) and the topic layout.
 *
 * @param dataDirectory broker (and schema) data, kept between runs
 * @param kafkaPort the broker's client port
 * @param controllerPort the KRaft controller port
 * @param schemaRegistryPort the schema registry's HTTP port
 * @param topicPrefix prefix of every catalog topic
 * @param partitions partitions of the keyed catalog topics
 */
public record LocalRuntimeConfig(
        Path dataDirectory,
        int kafkaPort,
        int controllerPort,
        int schemaRegistryPort,
        String topicPrefix,
        int partitions) {

    /** Data next to where {@code imagepipe up} is run, so a newcomer sees it and can delete it. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");

    public LocalRuntimeConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
    }

    /** The defaults of {@code imagepipe up}: Kafka's usual ports, the default prefix and partitions. */
    public static LocalRuntimeConfig defaults() {
        return new LocalRuntimeConfig(
                DEFAULT_DATA_DIRECTORY,
                EmbeddedKafkaConfig.DEFAULT_BROKER_PORT,
                EmbeddedKafkaConfig.DEFAULT_CONTROLLER_PORT,
                SchemaRegistryConfig.DEFAULT_PORT,
                Topics.DEFAULT_PREFIX,
                Topics.DEFAULT_PARTITIONS);
    }

    EmbeddedKafkaConfig kafka() {
        return new EmbeddedKafkaConfig(
                dataDirectory.resolve("kafka"), EmbeddedKafkaConfig.LOOPBACK, kafkaPort, controllerPort);
    }
}
