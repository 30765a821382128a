package dev.imagepipe.auditor.command;

import dev.imagepipe.auditor.replay.LogReader;
import dev.imagepipe.auditor.replay.Replay;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.util.Map;
import java.util.Objects;

/**
 * Where the log is, and which policy's trusted keys the tagger applies.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param schemaRegistryUrl the schema registry's URL
 * @param topicPrefix the prefix of every topic name
 * @param policyName the policy record whose trusted keys signatures are verified with
 */
public record AuditConnection(
        String bootstrapServers, String schemaRegistryUrl, String topicPrefix, String policyName) {

    /** The tagger's default policy name. */
    public static final String DEFAULT_POLICY_NAME = "cluster";

    public AuditConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(policyName, "policyName");
    }

    /** A replay over this log. Partition counts come from the broker, so the catalog's default is never used. */
    public Replay replay() {
        Topics topics = Topics.create(
                topicPrefix,
                Topics.DEFAULT_PARTITIONS,
                ValueSerdes.schemaRegistry(Map.of("schema.registry.url", schemaRegistryUrl)));
        return new Replay(new LogReader(bootstrapServers), topics);
    }
}
