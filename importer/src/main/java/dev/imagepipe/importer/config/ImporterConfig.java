package dev.imagepipe.importer.config;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.image.Platform;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.registry.transport.RegistryLimits;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import dev.imagepipe.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the importer process, with its default. Build it with {@link ImporterConfigLoader} (flags,
 * environment, properties file) or {@link #defaults(String, String)}; hand {@link #toStreamsProperties()} to Kafka
 * Streams and {@link #requestOptions()} to the image fetcher.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port...]}
 * @param schemaRegistryUrl schema registry base URL(s), comma-separated; may carry {@code user:password@}
 * @param topicPrefix prefix of every catalog topic
 * @param applicationId Kafka Streams application id: consumer group and prefix of internal topics
 * @param streamThreads Kafka Streams threads in this process
 * @param stateDir where Kafka Streams keeps its local state stores
 * @param replicationFactor replication of Streams' internal topics; empty = the broker's default
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param commitInterval how often Streams commits; results become visible to readers at each commit
 * @param fetchConcurrency fetch worker threads in the process
 * @param maxInFlight import tasks held by the process before a stream thread waits for room
 * @param perRegistryConcurrency requests in flight at once per registry host
 * @param perRegistryRate request starts per second per registry host
 * @param perRegistryBurst requests a registry host may receive at once after a quiet period
 * @param connectTimeout limit on establishing a connection to a registry
 * @param requestTimeout limit on one HTTP request waiting for response headers, or silent while reading the body
 * @param fetchTimeout limit on one whole import task (HEAD, manifests, configs, children, retries)
 * @param dockerConfigFiles global docker {@code config.json} files, merged in order
 * @param credentialsDirectory per-namespace credentials, {@code <dir>/<namespace>/config.json}; a namespace's
 *     credentials win over the global ones (A2.6)
 * @param defaultPlatform the platform Legacy mode picks from a manifest list: OpenShift's control-plane platform (A8.1)
 * @param policyName the key of the policy record read from the policy topic
 * @param defaultImportMode the import mode of a spec that names none
 * @param maxImagesBulkImportedPerRepository tags a repository import turns into images (A9.1); {@link #UNLIMITED}
 * @param allowedPrivateHosts hosts that may resolve to loopback or private addresses, besides those the policy names
 * @param discoverSignatures whether to look for image signatures when importing
 * @param knownImagesCapacity entries of the bounded store of digests already imported
 * @param metricsPort port of the {@code /metrics}, {@code /healthz}, {@code /readyz} endpoint; empty = no endpoint,
 *     0 = any free port
 * @param kafkaProperties Kafka and Kafka Streams properties passed through as given, after the ones derived here
 */
public record ImporterConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String topicPrefix,
        String applicationId,
        int streamThreads,
        Path stateDir,
        Optional<Short> replicationFactor,
        String processingGuarantee,
        Duration commitInterval,
        int fetchConcurrency,
        int maxInFlight,
        int perRegistryConcurrency,
        double perRegistryRate,
        int perRegistryBurst,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration fetchTimeout,
        List<Path> dockerConfigFiles,
        Optional<Path> credentialsDirectory,
        Platform defaultPlatform,
        String policyName,
        ImportMode defaultImportMode,
        int maxImagesBulkImportedPerRepository,
        Set<String> allowedPrivateHosts,
        boolean discoverSignatures,
        int knownImagesCapacity,
        OptionalInt metricsPort,
        Map<String, String> kafkaProperties)
        implements StreamsAppConfig {

    /** The catalog's own default, so every app finds the same topics unless told otherwise. */
    public static final String DEFAULT_TOPIC_PREFIX = Topics.DEFAULT_PREFIX;

    /** One consumer group for every importer instance of a cluster, so they share the request partitions. */
    public static final String DEFAULT_APPLICATION_ID = "imagepipe-importer";

    /**
     * Two threads: stream threads only route, gate and assemble while fetch workers do the waiting, so two keep every
     * partition moving while one of them commits.
     */
    public static final int DEFAULT_STREAM_THREADS = 2;

    /**
     * Under the temporary directory, as Kafka Streams' own default: works anywhere out of the box. Production should
     * point it at a persistent volume, or every restart restores the stores from their changelogs.
     */
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "imagepipe", "importer");

    /** A crash loses nothing and duplicates nothing (DESIGN.md): in-flight tasks and results commit together. */
    public static final String DEFAULT_PROCESSING_GUARANTEE = StreamsConfig.EXACTLY_ONCE_V2;

    /** Streams' default under exactly-once: results leave only on commit, so a short interval keeps latency low. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    /**
     * Thirty-two workers: they mostly wait on the network, and 32 cover four registries at their full per-registry
     * concurrency without starving the CPU that converts manifests.
     */
    public static final int DEFAULT_FETCH_CONCURRENCY = 32;

    /**
     * A thousand tasks: enough queued to keep every worker busy through a repository's tag page, few enough that their
     * memory (a reference and a policy each, a few kilobytes) and the redo after a crash stay small.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    /** The registry client's own default; see {@link RegistryLimits#DEFAULT_CONCURRENCY}. */
    public static final int DEFAULT_PER_REGISTRY_CONCURRENCY = RegistryLimits.DEFAULT_CONCURRENCY;

    /** The registry client's own default; see {@link RegistryLimits#DEFAULT_RATE_PER_SECOND}. */
    public static final double DEFAULT_PER_REGISTRY_RATE = RegistryLimits.DEFAULT_RATE_PER_SECOND;

    /** The registry client's own default; see {@link RegistryLimits#DEFAULT_BURST}. */
    public static final int DEFAULT_PER_REGISTRY_BURST = RegistryLimits.DEFAULT_BURST;

    /** The registry client's own default; see {@link TransportOptions#DEFAULT_CONNECT_TIMEOUT}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = TransportOptions.DEFAULT_CONNECT_TIMEOUT;

    /**
     * Thirty seconds per request: twice OpenShift's 15 s ping timeout, because a registry under load can take that long
     * to start sending a large manifest list; the whole task is bounded by the fetch timeout anyway.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Five minutes per task: room for HEAD, manifest, config and every child of a list, each with up to 30 s of retry
     * waits; past it the task fails {@code Timeout} and the fetch worker is free for others.
     */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofMinutes(5);

    /** OpenShift's control plane runs linux/amd64 in the common case, and Legacy mode picks that platform (A8.1). */
    public static final Platform DEFAULT_PLATFORM = Platform.LINUX_AMD64;

    /** One cluster-wide policy, as OpenShift has one {@code image.config.openshift.io/cluster}. */
    public static final String DEFAULT_POLICY_NAME = "cluster";

    /** OpenShift's default: an empty {@code importMode} means Legacy (A8.1). */
    public static final ImportMode DEFAULT_IMPORT_MODE = ImportMode.LEGACY;

    /** OpenShift's {@code maxImagesBulkImportedPerRepository} default (A9.1). */
    public static final int DEFAULT_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY = 50;

    /** {@code maxImagesBulkImportedPerRepository} meaning no limit, as in OpenShift (A9.1). */
    public static final int UNLIMITED = -1;

    /** Signatures are part of what an import records (DESIGN.md); turn off only for registries that choke on lookups. */
    public static final boolean DEFAULT_DISCOVER_SIGNATURES = true;

    /**
     * A hundred thousand digests, a few hundred bytes each: some tens of megabytes, and more distinct images than a
     * large cluster imports in a day, so HEAD hits stay likely.
     */
    public static final int DEFAULT_KNOWN_IMAGES_CAPACITY = 100_000;

    /**
     * Slack on top of the fetch timeout before Kafka considers a stream thread dead: time to process the rest of the
     * polled batch and commit after the wait for room ends.
     */
    static final Duration POLL_INTERVAL_MARGIN = Duration.ofMinutes(1);

    /** Kafka's default {@code max.poll.interval.ms}; a short fetch timeout never lowers it below this. */
    static final Duration KAFKA_DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    /**
     * A hundred records per poll, not Kafka's 500 (Streams uses 1000): each request may fan out into many tasks, and a
     * smaller batch gets the thread back to {@code poll()} sooner when it has waited for room.
     */
    static final int MAX_POLL_RECORDS = 100;

    /**
     * The brokers' default {@code transaction.max.timeout.ms}: a producer asking for more fails at start. Clusters that
     * allow more can raise the transaction timeout with {@code kafka.producer.transaction.timeout.ms}.
     */
    static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    public ImporterConfig {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        requireText(applicationId, "applicationId");
        requirePositive(streamThreads, "streamThreads");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(replicationFactor, "replicationFactor");
        replicationFactor.ifPresent(factor -> requirePositive(factor, "replicationFactor"));
        if (!Parser.PROCESSING_GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("processingGuarantee must be one of " + Parser.PROCESSING_GUARANTEES
                    + ", got " + processingGuarantee);
        }
        requirePositive(commitInterval, "commitInterval");
        requirePositive(fetchConcurrency, "fetchConcurrency");
        requirePositive(maxInFlight, "maxInFlight");
        requirePositive(perRegistryConcurrency, "perRegistryConcurrency");
        if (!(perRegistryRate > 0) || Double.isInfinite(perRegistryRate)) {
            throw new IllegalArgumentException("perRegistryRate must be a positive number, got " + perRegistryRate);
        }
        requirePositive(perRegistryBurst, "perRegistryBurst");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(fetchTimeout, "fetchTimeout");
        dockerConfigFiles = List.copyOf(dockerConfigFiles);
        Objects.requireNonNull(credentialsDirectory, "credentialsDirectory");
        Objects.requireNonNull(defaultPlatform, "defaultPlatform");
        requireText(policyName, "policyName");
        Objects.requireNonNull(defaultImportMode, "defaultImportMode");
        if (maxImagesBulkImportedPerRepository < 1 && maxImagesBulkImportedPerRepository != UNLIMITED) {
            throw new IllegalArgumentException("maxImagesBulkImportedPerRepository must be positive or " + UNLIMITED);
        }
        allowedPrivateHosts = Set.copyOf(allowedPrivateHosts);
        requirePositive(knownImagesCapacity, "knownImagesCapacity");
        Objects.requireNonNull(metricsPort, "metricsPort");
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Every default, with the two settings that have none. */
    public static ImporterConfig defaults(String bootstrapServers, String schemaRegistryUrl) {
        return new ImporterConfig(
                bootstrapServers,
                schemaRegistryUrl,
                DEFAULT_TOPIC_PREFIX,
                DEFAULT_APPLICATION_ID,
                DEFAULT_STREAM_THREADS,
                DEFAULT_STATE_DIR,
                Optional.empty(),
                DEFAULT_PROCESSING_GUARANTEE,
                DEFAULT_COMMIT_INTERVAL,
                DEFAULT_FETCH_CONCURRENCY,
                DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_PER_REGISTRY_CONCURRENCY,
                DEFAULT_PER_REGISTRY_RATE,
                DEFAULT_PER_REGISTRY_BURST,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_FETCH_TIMEOUT,
                List.of(),
                Optional.empty(),
                DEFAULT_PLATFORM,
                DEFAULT_POLICY_NAME,
                DEFAULT_IMPORT_MODE,
                DEFAULT_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY,
                Set.of(),
                DEFAULT_DISCOVER_SIGNATURES,
                DEFAULT_KNOWN_IMAGES_CAPACITY,
                OptionalInt.empty(),
                Map.of());
    }

    /**
     * The properties for {@code new KafkaStreams(topology, properties)}: identity, state, guarantee and commit
     * interval from this record, poll and transaction limits that survive a slow registry, the schema registry URL for
     * the serdes, and then {@link #kafkaProperties()}, which override anything before them.
     *
     * <p>A stream thread may wait for room among the in-flight tasks, and room frees when a task ends, at the latest
     * after the fetch timeout. If that wait outlived {@code max.poll.interval.ms} the thread would leave the group,
     * rebalance, take its partitions back, wait again, and loop; and under exactly-once an open transaction that
     * outlived {@code transaction.timeout.ms} (Streams sets 10 s) would be aborted and the producer fenced. Both limits
     * are therefore set above the fetch timeout.
     */
    public Properties toStreamsProperties() {
        Properties properties = commonStreamsProperties();
        Duration pollInterval = maxPollInterval();
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(pollInterval.toMillis()));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        if (processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)) {
            properties.put(
                    StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                    Long.toString(transactionTimeout(pollInterval).toMillis()));
        }
        properties.putAll(kafkaProperties);
        return properties;
    }

    /** The fetch timeout plus margin, never below Kafka's own default. */
    Duration maxPollInterval() {
        Duration needed = fetchTimeout.plus(POLL_INTERVAL_MARGIN);
        return needed.compareTo(KAFKA_DEFAULT_MAX_POLL_INTERVAL) > 0 ? needed : KAFKA_DEFAULT_MAX_POLL_INTERVAL;
    }

    private static Duration transactionTimeout(Duration pollInterval) {
        return pollInterval.compareTo(BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT) < 0
                ? pollInterval
                : BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT;
    }

    /**
     * The registry transport's options: the connect timeout, the request timeout as its read timeout, the allowed
     * private hosts; TLS and retries stay at the client's defaults.
     */
    public TransportOptions transportOptions() {
        return TransportOptions.defaults()
                .withConnectTimeout(connectTimeout)
                .withReadTimeout(requestTimeout)
                .withAllowedPrivateHosts(allowedPrivateHosts);
    }

    /** The image fetcher's base options: {@link #transportOptions()}, anonymous; credentials are chosen per request. */
    public RequestOptions requestOptions() {
        return RequestOptions.defaults().withTransport(transportOptions());
    }

    /** Every component as a record prints it, secrets hidden ({@link Secrets#describe}). */
    @Override
    public String toString() {
        return Secrets.describe(this);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
