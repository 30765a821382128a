package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.topology.DeadLetterHandler;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The tagger topology on a real broker, configured as its application runs it (the importer's property set-up):
 * {@code exactly_once_v2}, one stream thread, undecodable records to the dead-letter topic. In: where Kafka and the
 * schema registry are, the topic catalog, an application id and a state directory. Out: a {@link KafkaStreams} not yet
 * started. The tests use this rather than a {@code TaggerApplication}, which is written separately.
 */
final class TaggerStreams {

    /** The app name recorded in dead letters. */
    static final String APPLICATION = "tagger";

    /** Streams' own default under exactly-once, which the importer uses too. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    /** Scheduling off: no wall-clock requests interleave with what the tests feed; policy checked twice a second. */
    static final TaggerTopology.Settings SETTINGS = new TaggerTopology.Settings(
            TaggerTopology.Settings.DEFAULT_POLICY_NAME,
            TaggerTopology.Settings.DEFAULT.retention(),
            false,
            0,
            Duration.ofMillis(500),
            TaggerTopology.Settings.DEFAULT.clock());

    /**
     * The broker's minimum: a killed instance's consumer is dropped from the group this soon, so a restart is not
     * held up by the default 45 s.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private TaggerStreams() {}

    /**
     * @param commitInterval how often the tagger commits its transaction
     * @param transactionTimeout how long the broker lets a transaction stay open before aborting it
     */
    static Properties properties(
            String bootstrapServers,
            String schemaRegistryUrl,
            String applicationId,
            Path stateDir,
            Topics topics,
            Duration commitInterval,
            Duration transactionTimeout) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        properties.put(
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                Long.toString(transactionTimeout.toMillis()));
        properties.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                Long.toString(SESSION_TIMEOUT.toMillis()));
        properties.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                Long.toString(SESSION_TIMEOUT.toMillis() / 3));
        properties.put(RegistryClientSettings.URL, schemaRegistryUrl);
        DeadLetterHandler.install(properties, topics.deadLetters().name(), APPLICATION, () -> {});
        return properties;
    }

    /** The tagger with the default commit interval and a transaction timeout well above it. */
    static Properties properties(
            String bootstrapServers, String schemaRegistryUrl, String applicationId, Path stateDir, Topics topics) {
        return properties(
                bootstrapServers,
                schemaRegistryUrl,
                applicationId,
                stateDir,
                topics,
                COMMIT_INTERVAL,
                Duration.ofSeconds(10));
    }

    static KafkaStreams create(Topics topics, ValueSerdes serdes, Properties properties) {
        return new KafkaStreams(TaggerTopology.build(topics, serdes, SETTINGS), properties);
    }

    static ValueSerdes serdes(String schemaRegistryUrl) {
        return ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, schemaRegistryUrl));
    }
}
