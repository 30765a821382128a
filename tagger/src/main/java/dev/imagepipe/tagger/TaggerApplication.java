package dev.imagepipe.tagger;

import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.importer.metrics.MetricsServer;
import dev.imagepipe.importer.topology.DeadLetterHandler;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.config.TaggerConfig;
import dev.imagepipe.tagger.metrics.TaggerMetrics;
import dev.imagepipe.tagger.topology.TaggerTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger as a running service: the tagger topology on Kafka Streams (exactly-once by default), dead letters to
 * {@code dlq}, and the metrics endpoint. {@link #start} ensures the catalog's topics (refusing settings that would
 * lose data), then runs; {@link #close} stops the stream threads, which commit what they have done.
 */
public final class TaggerApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaggerApplication.class);

    /** The app name recorded in dead letters. */
    public static final String NAME = "tagger";

    /** How long closing waits for the stream threads to commit and leave the group. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final MetricsRegistry metricsRegistry = new MetricsRegistry();
    private final Optional<MetricsServer> metricsServer;

    private TaggerApplication(TaggerConfig config, InstantSource clock) {
        TaggerMetrics metrics = new TaggerMetrics(metricsRegistry);
        ValueSerdes serdes = ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, config.schemaRegistryUrl()));
        Topics topics = Topics.create(config.topicPrefix(), Topics.DEFAULT_PARTITIONS, serdes);
        config.ensureTopics(topics.declarations());
        Properties properties = config.toStreamsProperties();
        DeadLetterHandler.install(properties, topics.deadLetters().name(), NAME, metrics::deadLettered);
        this.streams = new KafkaStreams(
                TaggerTopology.build(topics, serdes, config.topologySettings(clock), metrics), properties);
        this.metricsServer = config.metricsPort().isPresent()
                ? Optional.of(metricsServer(config.metricsPort().getAsInt()))
                : Optional.empty();
    }

    /** Builds and starts the tagger on the system clock; returns once the stream threads are started. */
    public static TaggerApplication start(TaggerConfig config) {
        return start(config, InstantSource.system());
    }

    /**
     * Builds and starts the tagger with {@code clock} deciding when scheduled imports are due (tests move it).
     *
     * @throws dev.imagepipe.schemas.topic.TopicVerificationException when an existing topic would lose data
     */
    public static TaggerApplication start(TaggerConfig config, InstantSource clock) {
        log.info("starting the tagger: {}", config);
        TaggerApplication application = new TaggerApplication(config, clock);
        try {
            application.streams.start();
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
        return application;
    }

    /** Whether every stream thread is running (the {@code /readyz} answer). */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The metrics HTTP port, when one was asked for. */
    public Optional<Integer> metricsPort() {
        return metricsServer.map(MetricsServer::port);
    }

    public MetricsRegistry metrics() {
        return metricsRegistry;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
        metricsServer.ifPresent(MetricsServer::close);
    }

    private MetricsServer metricsServer(int port) {
        try {
            return MetricsServer.start(port, metricsRegistry, this::ready);
        } catch (IOException e) {
            streams.close(CLOSE_TIMEOUT);
            throw new UncheckedIOException("cannot serve metrics on port " + port, e);
        }
    }
}
