package dev.imagepipe.importer.config;

import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.TopicDeclaration;
import dev.imagepipe.schemas.topic.TopicReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every imagepipe Kafka Streams app has, under the same names in each app's config record (the record's
 * accessors implement this), and the Kafka client configuration derived from them.
 */
public interface StreamsAppConfig {

    /** Kafka brokers, {@code host:port[,host:port...]}. */
    String bootstrapServers();

    /** Schema registry base URL(s), comma-separated; may carry {@code user:password@}. */
    String schemaRegistryUrl();

    /** Prefix of every catalog topic. */
    String topicPrefix();

    /** Kafka Streams application id: consumer group and prefix of internal topics. */
    String applicationId();

    /** Kafka Streams threads in this process. */
    int streamThreads();

    /** Where Kafka Streams keeps its local state stores. */
    Path stateDir();

    /** Replication of Streams' internal topics; empty = the broker's default. */
    Optional<Short> replicationFactor();

    /** {@code exactly_once_v2} or {@code at_least_once}. */
    String processingGuarantee();

    /** How often Streams commits; results become visible to read_committed readers at each commit. */
    Duration commitInterval();

    /** Port of {@code /metrics}, {@code /healthz} and {@code /readyz}; empty = no endpoint, 0 = any free port. */
    OptionalInt metricsPort();

    /** Kafka and Kafka Streams properties passed through as given, overriding anything derived. */
    Map<String, String> kafkaProperties();

    /**
     * Identity, state, guarantee, commit interval, replication and the schema registry URL for the serdes. The app adds
     * its own properties, then {@link #kafkaProperties()} last, so that they override everything.
     */
    default Properties commonStreamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(streamThreads()));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee());
        properties.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                Long.toString(commitInterval().toMillis()));
        replicationFactor()
                .ifPresent(factor -> properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(factor)));
        properties.put(RegistryClientSettings.URL, schemaRegistryUrl());
        return properties;
    }

    /**
     * Creates the missing {@code topics} and verifies the rest, refusing settings that would lose data
     * ({@link TopicAdmin#ensure}, which also logs its warnings); every app does this before it starts.
     */
    default TopicReport ensureTopics(Collection<TopicDeclaration> topics) {
        try (Admin admin = Admin.create(adminConfig())) {
            return new TopicAdmin(admin).ensure(topics, replicationFactor());
        }
    }

    /** An admin client's configuration: the brokers and the passed-through properties (security, client id). */
    default Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(kafkaProperties());
        return config;
    }
}
