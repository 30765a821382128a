package dev.imagepipe.local;

import dev.imagepipe.local.kafka.EmbeddedKafka;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.TopicReport;
import dev.imagepipe.schemas.topic.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole pipeline's infrastructure in one JVM, for {@code imagepipe up} and tests: the embedded broker with every
 * catalog topic created and verified. Closing it stops everything and keeps the data.
 */
public final class LocalRuntime implements AutoCloseable {

    /** One broker: every topic has one replica. */
    private static final Optional<Short> SINGLE_REPLICA = Optional.of((short) 1);

    private final EmbeddedKafka kafka;
    private final TopicReport topics;

    private LocalRuntime(EmbeddedKafka kafka, TopicReport topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /** Starts the broker and ensures the catalog topics; fails, naming the topic, if one would lose data. */
    public static LocalRuntime start(LocalRuntimeConfig config) {
        EmbeddedKafka kafka = EmbeddedKafka.start(config.kafka());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicReport report = new TopicAdmin(admin)
                    .ensure(Topics.declarations(config.topicPrefix(), config.partitions()), SINGLE_REPLICA);
            return new LocalRuntime(kafka, report);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
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
        kafka.close();
    }
}
