package dev.imagepipe.importer;

import dev.imagepipe.importer.config.ImporterConfig;
import dev.imagepipe.importer.fetch.ImageFetcher;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.metrics.ImporterMetrics;
import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.importer.metrics.MetricsServer;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.transport.RegistryLimits;
import dev.imagepipe.importer.signature.SignatureDiscovery;
import dev.imagepipe.importer.task.DockerConfigCredentials;
import dev.imagepipe.importer.task.RegistryTaskRunner;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.importer.topology.DeadLetterHandler;
import dev.imagepipe.importer.topology.FetchWorkers;
import dev.imagepipe.importer.topology.ImportEvents;
import dev.imagepipe.importer.topology.ImporterTopology;
import dev.imagepipe.importer.topology.PolicyDefaults;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer as a running service: registry client, fetch workers, the import topology on Kafka Streams, and the
 * metrics endpoint. {@link #start} ensures the catalog's topics (refusing settings that would lose data), then runs;
 * {@link #close} stops the topology first, so in-flight fetches resume from the in-flight store on the next start.
 */
public final class ImporterApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImporterApplication.class);

    /** The app name recorded in dead letters. */
    public static final String NAME = "importer";

    /** How often finished fetches are forwarded when no new task arrives: well under the 100 ms EOS commit. */
    static final Duration DRAIN_INTERVAL = Duration.ofMillis(20);

    /** How long closing waits for the stream threads to commit and leave the group. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final RegistryClient client;
    private final SignatureDiscovery signatures;
    private final FetchWorkers workers;
    private final KafkaStreams streams;
    private final Optional<MetricsServer> metricsServer;
    private final MetricsRegistry metricsRegistry;

    private ImporterApplication(ImporterConfig config) {
        RegistryLimits.setDefaults(
                config.perRegistryConcurrency(), config.perRegistryRate(), config.perRegistryBurst());
        this.client = new RegistryClient();
        this.signatures = new SignatureDiscovery(client);
        ImageFetcher fetcher = new ImageFetcher(
                client, PlatformChooser.withDefault(config.defaultPlatform()), config.requestOptions());
        RegistryTaskRunner runner = new RegistryTaskRunner(
                fetcher,
                client,
                config.discoverSignatures() ? Optional.of(signatures) : Optional.empty(),
                DockerConfigCredentials.load(config.dockerConfigFiles(), config.credentialsDirectory()));
        this.metricsRegistry = new MetricsRegistry();
        // The gauge reads the workers created next; until then nothing is in flight.
        var created = new java.util.concurrent.atomic.AtomicReference<FetchWorkers>();
        ImporterMetrics metrics = new ImporterMetrics(
                metricsRegistry, () -> created.get() == null ? 0 : created.get().inFlight());
        this.workers = new FetchWorkers(runner, config.fetchConcurrency(), events(metrics));
        created.set(workers);

        Map<String, Object> serdeConfig = Map.of(RegistryClientSettings.URL, config.schemaRegistryUrl());
        ValueSerdes serdes = ValueSerdes.schemaRegistry(serdeConfig);
        Topics topics = Topics.create(config.topicPrefix(), Topics.DEFAULT_PARTITIONS, serdes);
        config.ensureTopics(topics.declarations());

        var settings = new ImporterTopology.Settings(
                new PolicyDefaults(config.policyName(), fallbackPolicy(config)),
                config.maxInFlight(),
                DRAIN_INTERVAL,
                config.knownImagesCapacity());
        Properties properties = config.toStreamsProperties();
        DeadLetterHandler.install(properties, topics.deadLetters().name(), NAME, metrics::deadLettered);
        this.streams = new KafkaStreams(
                ImporterTopology.build(topics, serdes, workers, settings, events(metrics)), properties);
        this.metricsServer = config.metricsPort().isPresent()
                ? Optional.of(metricsServer(config.metricsPort().getAsInt()))
                : Optional.empty();
    }

    /** Builds and starts the importer; returns once the stream threads are started (not yet running). */
    public static ImporterApplication start(ImporterConfig config) {
        log.info("starting the importer: {}", config);
        ImporterApplication application = new ImporterApplication(config);
        application.streams.start();
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
        workers.close();
        signatures.close();
        client.close();
        metricsServer.ifPresent(MetricsServer::close);
    }

    private MetricsServer metricsServer(int port) {
        try {
            return MetricsServer.start(port, metricsRegistry, this::ready);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot serve metrics on port " + port, e);
        }
    }

    /** The policy in force while the {@code policy} topic holds none of the configured name. */
    static ImportPolicy fallbackPolicy(ImporterConfig config) {
        return ImportPolicy.newBuilder()
                .setName(config.policyName())
                .setDefaultImportMode(
                        config.defaultImportMode() == dev.imagepipe.importer.fetch.ImportMode.PRESERVE_ORIGINAL
                                ? dev.imagepipe.schemas.avro.ImportMode.PreserveOriginal
                                : dev.imagepipe.schemas.avro.ImportMode.Legacy)
                .setMaxImagesBulkImportedPerRepository(config.maxImagesBulkImportedPerRepository())
                .build();
    }

    private static ImportEvents events(ImporterMetrics metrics) {
        return new ImportEvents() {
            @Override
            public void fetchFinished(Duration took, TaskOutcome outcome) {
                metrics.fetchTook(took);
                switch (outcome) {
                    case TaskOutcome.ImageOutcome image -> count(metrics, image.result());
                    case TaskOutcome.RepositoryOutcome repository -> {
                        repository.listing().ifPresent(failed -> metrics.importFailed(failed.reason()));
                        repository.tags().forEach(tag -> count(metrics, tag.result()));
                    }
                }
            }
        };
    }

    private static void count(ImporterMetrics metrics, TaskOutcome.ImageResult result) {
        switch (result) {
            case TaskOutcome.Imported imported -> {
                metrics.importSucceeded();
                if (imported.cached()) {
                    metrics.headHit();
                }
            }
            case TaskOutcome.Failed failed -> metrics.importFailed(failed.reason());
        }
    }
}
