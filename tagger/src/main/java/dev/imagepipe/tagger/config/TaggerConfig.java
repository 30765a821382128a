package dev.imagepipe.tagger.config;

import dev.imagepipe.importer.config.Parser;
import dev.imagepipe.importer.config.Secrets;
import dev.imagepipe.importer.config.StreamsAppConfig;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.tagger.history.RetentionPolicy;
import dev.imagepipe.tagger.topology.TaggerTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the tagger process, with its default. Build it with {@link TaggerConfigLoader} (flags, environment,
 * properties file) or {@link #defaults(String, String)}; hand {@link #toStreamsProperties()} to Kafka Streams and
 * {@link #topologySettings(InstantSource)} to {@link TaggerTopology}.
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port...]}
 * @param schemaRegistryUrl schema registry base URL(s), comma-separated; may carry {@code user:password@}
 * @param topicPrefix prefix of every catalog topic
 * @param applicationId Kafka Streams application id: consumer group and prefix of internal topics
 * @param streamThreads Kafka Streams threads in this process
 * @param stateDir where Kafka Streams keeps the tagger's stores (streams, schedules, signatures)
 * @param replicationFactor replication of Streams' internal topics; empty = the broker's default
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param commitInterval how often Streams commits; tag events become visible to read_committed readers at each commit
 * @param policyName the key of the policy record read from the policy topic (trusted keys, scheduling limits)
 * @param retention how much history each tag keeps; {@link RetentionPolicy#UNLIMITED} keeps all, as OpenShift does
 * @param scheduledImports whether tags with {@code importPolicy.scheduled} are re-imported
 * @param jitterSeed seeds the per-stream jitter of scheduled due times; the same on every instance
 * @param punctuationInterval how often scheduling rounds run
 * @param metricsPort port of the {@code /metrics}, {@code /healthz}, {@code /readyz} endpoint; empty = no endpoint, 0 =
 *     any free port
 * @param kafkaProperties Kafka and Kafka Streams properties passed through as given, after the ones derived here
 */
public record TaggerConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String topicPrefix,
        String applicationId,
        int streamThreads,
        Path stateDir,
        Optional<Short> replicationFactor,
        String processingGuarantee,
        Duration commitInterval,
        String policyName,
        RetentionPolicy retention,
        boolean scheduledImports,
        long jitterSeed,
        Duration punctuationInterval,
        OptionalInt metricsPort,
        Map<String, String> kafkaProperties)
        implements StreamsAppConfig {

    /** The catalog's own default, so every app finds the same topics unless told otherwise. */
    public static final String DEFAULT_TOPIC_PREFIX = Topics.DEFAULT_PREFIX;

    /** One consumer group for every tagger instance of a cluster, so they share the streams' partitions. */
    public static final String DEFAULT_APPLICATION_ID = "imagepipe-tagger";

    /**
     * Two threads: the tagger runs two sub-topologies (import results, and images for signature verification), so one
     * thread can verify a batch of signatures while the other keeps applying imports.
     */
    public static final int DEFAULT_STREAM_THREADS = 2;

    /**
     * Under the temporary directory, as Kafka Streams' own default: works anywhere out of the box. Production should
     * point it at a persistent volume, or every restart restores the stores from their changelogs.
     */
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "imagepipe", "tagger");

    /**
     * Tag history must be exactly right and replayable (issue 6): a crash neither loses nor repeats a tag event, and
     * the compacted views commit together with the events they fold.
     */
    public static final String DEFAULT_PROCESSING_GUARANTEE = StreamsConfig.EXACTLY_ONCE_V2;

    /**
     * 100 ms, chosen by measurement (docs/decisions.md, 24): on the embedded broker, 3000 results in a burst and 15
     * single results, the tagger gave about 530 tag events/s with a median end-to-end latency of 126 ms at 100 ms,
     * 715/s and 530 ms at 500 ms, 980/s and 1036 ms at 1 s. Latency follows the interval; throughput gains less than
     * 2x for 8x the wait, and even 100 ms carries far more than the importer can feed (registry-bound, tens of tags a
     * second), while people waiting on {@code import --wait} or {@code watch tags} see every change within a blink.
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    /** One cluster-wide policy, as OpenShift has one {@code image.config.openshift.io/cluster}; the importer's too. */
    public static final String DEFAULT_POLICY_NAME = TaggerTopology.Settings.DEFAULT_POLICY_NAME;

    /** OpenShift keeps all history at import time (A11.11); pruning is an operator's choice. */
    public static final RetentionPolicy DEFAULT_RETENTION = RetentionPolicy.UNLIMITED;

    /** OpenShift schedules imports unless {@code disableScheduledImport} is set. */
    public static final boolean DEFAULT_SCHEDULED_IMPORTS = true;

    /** Any fixed seed works; what matters is that every instance and restart uses the same one. */
    public static final long DEFAULT_JITTER_SEED = TaggerTopology.Settings.DEFAULT.jitterSeed();

    /** See {@link TaggerTopology.Settings#DEFAULT_PUNCTUATION_INTERVAL}. */
    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = TaggerTopology.Settings.DEFAULT_PUNCTUATION_INTERVAL;

    public TaggerConfig {
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
        requireText(policyName, "policyName");
        Objects.requireNonNull(retention, "retention");
        requirePositive(punctuationInterval, "punctuationInterval");
        Objects.requireNonNull(metricsPort, "metricsPort");
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Every default, with the two settings that have none. */
    public static TaggerConfig defaults(String bootstrapServers, String schemaRegistryUrl) {
        return new TaggerConfig(
                bootstrapServers,
                schemaRegistryUrl,
                DEFAULT_TOPIC_PREFIX,
                DEFAULT_APPLICATION_ID,
                DEFAULT_STREAM_THREADS,
                DEFAULT_STATE_DIR,
                Optional.empty(),
                DEFAULT_PROCESSING_GUARANTEE,
                DEFAULT_COMMIT_INTERVAL,
                DEFAULT_POLICY_NAME,
                DEFAULT_RETENTION,
                DEFAULT_SCHEDULED_IMPORTS,
                DEFAULT_JITTER_SEED,
                DEFAULT_PUNCTUATION_INTERVAL,
                OptionalInt.empty(),
                Map.of());
    }

    /**
     * The properties for {@code new KafkaStreams(topology, properties)}: identity, state, guarantee, commit interval
     * and the schema registry URL, then {@link #kafkaProperties()}, which override anything before them. The tagger
     * never blocks a stream thread, so Kafka's poll and transaction limits stay at their defaults.
     */
    public Properties toStreamsProperties() {
        Properties properties = commonStreamsProperties();
        properties.putAll(kafkaProperties);
        return properties;
    }

    /** What the topology needs of this config, with {@code clock} for scheduling decisions. */
    public TaggerTopology.Settings topologySettings(InstantSource clock) {
        return new TaggerTopology.Settings(
                policyName, retention, scheduledImports, jitterSeed, punctuationInterval, clock);
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
