package dev.imagepipe.testing.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka and schema registry a test class gets.
 *
 * @param bootstrapServers the {@code bootstrap.servers} value for clients
 * @param schemaRegistryUrl the {@code schema.registry.url} value for the Avro serdes
 * @param topicPrefix prefix unique to the test class (e.g. {@code it-FooIT-3f9a1c2b.}); name topics with {@link #topic}
 *     so classes sharing the broker never see each other's records
 */
public record KafkaEnvironment(String bootstrapServers, String schemaRegistryUrl, String topicPrefix) {

    /** Tests use one partition so record order is total; the broker has one node, so one replica. */
    static final int PARTITIONS = 1;

    static final short REPLICATION_FACTOR = 1;

    /** The serde configuration for this environment's schema registry. */
    public Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", schemaRegistryUrl);
    }

    /** The prefixed topic name for {@code name}. */
    public String topic(String name) {
        return topicPrefix + name;
    }

    /** Creates the prefixed topics (one partition, one replica) and returns their full names. */
    public List<String> createTopics(String... names) {
        List<String> topics = Arrays.stream(names).map(this::topic).toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(topics.stream()
                            .map(topic -> new NewTopic(topic, PARTITIONS, REPLICATION_FACTOR))
                            .toList())
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics " + topics, e);
        }
        return topics;
    }
}
