package dev.imagepipe.local.kafka;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the embedded broker runs.
 *
 * @param dataDirectory holds the KRaft metadata log and the topic logs; kept between runs, so a second start finds
 *     its topics
 * @param host the loopback address the broker binds and advertises
 * @param brokerPort the client port; 0 picks a free one
 * @param controllerPort the KRaft controller port; 0 picks a free one
 */
public record EmbeddedKafkaConfig(Path dataDirectory, String host, int brokerPort, int controllerPort) {

    /** The broker binds loopback only: the local runtime is for this machine, never the network. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Kafka's usual client port, so tools work with their defaults. */
    public static final int DEFAULT_BROKER_PORT = 9092;

    /** Kafka's usual controller port. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(host, "host");
        checkPort("brokerPort", brokerPort);
        checkPort("controllerPort", controllerPort);
    }

    /** Default ports on loopback. */
    public static EmbeddedKafkaConfig defaults(Path dataDirectory) {
        return new EmbeddedKafkaConfig(dataDirectory, LOOPBACK, DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT);
    }

    /** Free ports on loopback: for tests, where several brokers may run at once. */
    public static EmbeddedKafkaConfig freePorts(Path dataDirectory) {
        return new EmbeddedKafkaConfig(dataDirectory, LOOPBACK, 0, 0);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
        }
    }
}
