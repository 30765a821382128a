package dev.imagepipe.cli;

import dev.imagepipe.cli.kafka.KafkaConnection;
import dev.imagepipe.schemas.topic.Topics;
import picocli.CommandLine.Option;

/**
 * The connection flags every command that talks to the pipeline shares; each defaults from an environment variable,
 * then from the address {@code imagepipe up} listens on.
 */
final class ConnectionOptions {

    /** {@code imagepipe up}'s broker port on loopback. */
    static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    /** {@code imagepipe up}'s schema registry port on loopback. */
    static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081";

    @Option(
            names = {"-b", "--bootstrap-server"},
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers; env IMAGEPIPE_BOOTSTRAP_SERVERS (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_BOOTSTRAP_SERVERS:-" + DEFAULT_BOOTSTRAP_SERVERS + "}")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema registry URL; env IMAGEPIPE_SCHEMA_REGISTRY_URL (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_SCHEMA_REGISTRY_URL:-" + DEFAULT_SCHEMA_REGISTRY_URL + "}")
    String schemaRegistryUrl;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            description = "Prefix of every topic; env IMAGEPIPE_TOPIC_PREFIX (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_TOPIC_PREFIX:-" + Topics.DEFAULT_PREFIX + "}")
    String topicPrefix;

    KafkaConnection connection() {
        return new KafkaConnection(bootstrapServers, schemaRegistryUrl, topicPrefix);
    }
}
