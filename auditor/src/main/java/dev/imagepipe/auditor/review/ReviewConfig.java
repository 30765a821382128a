package dev.imagepipe.auditor.review;

import dev.imagepipe.schemas.topic.Topics;
import java.util.Objects;

/**
 * How the ImageReview webhook runs.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param schemaRegistryUrl the schema registry the topics' Avro values are registered in
 * @param topicPrefix the prefix of every topic name
 * @param port the HTTP port on every local address, for the API server and scrapers; 0 picks a free one
 * @param policyName the {@code policy} topic key whose policy applies, the importer's policy
 */
public record ReviewConfig(
        String bootstrapServers, String schemaRegistryUrl, String topicPrefix, int port, String policyName) {

    /** Clear of what {@code imagepipe up} listens on locally: the broker (9092, 9093) and schema registry (8081). */
    public static final int DEFAULT_PORT = 8090;

    /** The importer's default policy name, so both judge images by the same policy unless told otherwise. */
    public static final String DEFAULT_POLICY_NAME = "cluster";

    private static final int MAX_PORT = 65_535;

    public ReviewConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(policyName, "policyName");
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0 (any free port) to " + MAX_PORT + ", not " + port);
        }
        if (policyName.isBlank()) {
            throw new IllegalArgumentException("policy name must not be blank");
        }
    }

    /** The defaults for a local {@code imagepipe up}: its broker and registry, the default prefix, port and policy. */
    public static ReviewConfig local() {
        return new ReviewConfig(
                "127.0.0.1:9092", "http://127.0.0.1:8081", Topics.DEFAULT_PREFIX, DEFAULT_PORT, DEFAULT_POLICY_NAME);
    }
}
