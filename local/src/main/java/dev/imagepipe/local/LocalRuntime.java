package dev.imagepipe.local;

import dev.imagepipe.local.kafka.EmbeddedKafka;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.TopicReport;
import dev.imagepipe.schemas.topic.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole pipeline's infrastructure in one JVM, for {@code imagepipe up} and tests: the embedded broker with every
 * catalog topic created and verified, and the schema registry server keeping its schemas in the broker's
 * {@code _schemas} topic (so ids survive restarts). Closing it stops everything and keeps the data.
 */
public final class LocalRuntime implements AutoCloseable {

    /** One broker: every topic has one replica. */
    private static final Optional<Short> SINGLE_REPLICA = Optional.of((short) 1);

    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer schemaRegistry;
    private final TopicReport topics;

    private LocalRuntime(EmbeddedKafka kafka, SchemaRegistryServer schemaRegistry, TopicReport topics) {
        this.kafka = kafka;
        this.schemaRegistry = schemaRegistry;
        this.topics = topics;
    }

    /**
     * Starts the broker, ensures the catalog topics (failing, naming the topic, if one would lose data) and starts
     * the schema registry.
     */
    public static LocalRuntime start(LocalRuntimeConfig config) {
        EmbeddedKafka kafka = EmbeddedKafka.start(config.kafka());
        try {
            TopicReport report = ensureTopics(kafka.bootstrapServers(), config);
            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    SchemaRegistryConfig.kafka(config.schemaRegistryPort(), kafka.bootstrapServers()));
            return new LocalRuntime(kafka, registry, report);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static TopicReport ensureTopics(String bootstrapServers, LocalRuntimeConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return new TopicAdmin(admin)
                    .ensure(Topics.declarations(config.topicPrefix(), config.partitions()), SINGLE_REPLICA);
        }
    }

    /** The schema registry's base URL, for {@code schema.registry.url}. */
    public String schemaRegistryUrl() {
        return schemaRegistry.url();
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Which catalog topics were created by this start and which were found and verified. */
    public TopicReport topics() {
        return topics;
    }

    @Override
    public void close() {
        schemaRegistry.close();
        kafka.close();
    }
}
