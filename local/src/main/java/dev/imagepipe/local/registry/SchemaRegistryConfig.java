package dev.imagepipe.local.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * How to run a {@link SchemaRegistryServer}.
 *
 * @param port the loopback port to listen on; 0 picks a free one
 * @param kafkaStore where to keep the state; empty keeps it in memory only
 */
public record SchemaRegistryConfig(int port, Optional<KafkaStoreConfig> kafkaStore) {

    /** Confluent's default port, so tools that assume it work unchanged. */
    public static final int DEFAULT_PORT = 8081;

    public SchemaRegistryConfig {
        Objects.requireNonNull(kafkaStore, "kafkaStore");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
    }

    /** A registry whose state lives in memory only, on {@code port}. */
    public static SchemaRegistryConfig inMemory(int port) {
        return new SchemaRegistryConfig(port, Optional.empty());
    }

    /** A registry keeping its state in the default topic of the broker at {@code bootstrapServers}. */
    public static SchemaRegistryConfig kafka(int port, String bootstrapServers) {
        return new SchemaRegistryConfig(port, Optional.of(KafkaStoreConfig.of(bootstrapServers)));
    }
}
