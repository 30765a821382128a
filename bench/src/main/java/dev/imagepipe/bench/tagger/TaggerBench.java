package dev.imagepipe.bench.tagger;

import dev.imagepipe.importer.topology.DeadLetterHandler;
import dev.imagepipe.local.LocalRuntime;
import dev.imagepipe.local.LocalRuntimeConfig;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.topology.TaggerTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The tagger benchmark ({@code bench/run tagger}): on the embedded broker ({@link LocalRuntime}) it runs the tagger
 * topology with {@code exactly_once_v2} over a pre-loaded {@code import.results}, and a pass-through topology (the same
 * input copied to another topic, same serde, same Streams settings) over the same input, in alternating rounds of the
 * same run. It reports import results per second for both, tag events per second for the tagger, and the tagger's
 * throughput as a ratio to the pass-through's. Results are printed and written to {@code bench/results/tagger.md}.
 */
public final class TaggerBench {

    public static final Path DEFAULT_OUTPUT = Path.of("bench/results/tagger.md");

    /** Enough results that a round runs for seconds, so start-up and the 20 ms progress poll are noise. */
    static final int RESULTS = 20_000;

    /** 2,000 tags: many keys per task, each with a history that grows over the run. */
    static final int STREAMS = 200;

    static final int TAGS_PER_STREAM = 10;
    static final long SEED = 6L;

    /** The catalog's default partitions, as deployed. */
    static final int PARTITIONS = Topics.DEFAULT_PARTITIONS;

    /** Streams' default under exactly-once, which the importer uses too. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    /** A warm-up round of each (JIT, schema registration, broker caches), then measured rounds; the median counts. */
    static final int WARMUP_ROUNDS = 1;

    static final int MEASURED_ROUNDS = 3;

    /** Metadata of new topics reaches a loaded single broker within a second or two. */
    static final int ENSURE_ATTEMPTS = 10;

    static final Duration ENSURE_BACKOFF = Duration.ofMillis(300);

    private TaggerBench() {}

    /** Runs the benchmark and writes the report to {@code out}. */
    public static void run(Path out) throws Exception {
        quietLogs();
        Path data = Files.createTempDirectory("imagepipe-bench-tagger");
        List<ImageStreamImport> input = ImportResultsWorkload.generate(SEED, RESULTS, STREAMS, TAGS_PER_STREAM);
        try (LocalRuntime runtime = LocalRuntime.start(
                        new LocalRuntimeConfig(data.resolve("broker"), 0, 0, 0, Topics.DEFAULT_PREFIX, PARTITIONS));
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers()))) {
            var rounds = new ArrayList<Pair>();
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean measured = round >= WARMUP_ROUNDS;
                Round passThrough = passThrough(runtime, admin, data, input, round);
                Round tagger = tagger(runtime, admin, data, input, round);
                System.out.printf(
                        Locale.ROOT,
                        "round %d%s: pass-through %s, tagger %s (%d tag events)%n",
                        round,
                        measured ? "" : " (warm-up)",
                        passThrough.took(),
                        tagger.took(),
                        tagger.written());
                if (measured) {
                    rounds.add(new Pair(passThrough, tagger));
                }
            }
            report(out, rounds);
        }
    }

    /** One app's run: how long it took and how many records it wrote to the topic that counts. */
    record Round(Duration took, long written) {
        double resultsPerSecond() {
            return RESULTS / seconds();
        }

        double writtenPerSecond() {
            return written / seconds();
        }

        private double seconds() {
            return took.toNanos() / 1e9;
        }
    }

    private static Round passThrough(
            LocalRuntime runtime, Admin admin, Path data, List<ImageStreamImport> input, int round) throws Exception {
        String prefix = "bench-r" + round + "-copy.";
        Topics topics = prepare(runtime, admin, prefix, input, serdes(runtime));
        String copy = prefix + "copy";
        admin.createTopics(List.of(new NewTopic(copy, PARTITIONS, (short) 1)))
                .all()
                .get();
        Topology topology = PassThroughTopology.build(topics.importResults(), copy);
        Duration took = StreamsRun.time(
                topology,
                properties(runtime, topics, prefix + "passthrough", data),
                admin,
                topics.importResults().name(),
                PARTITIONS);
        return new Round(took, TopicCount.committed(runtime.bootstrapServers(), copy, PARTITIONS));
    }

    private static Round tagger(LocalRuntime runtime, Admin admin, Path data, List<ImageStreamImport> input, int round)
            throws Exception {
        String prefix = "bench-r" + round + "-tagger.";
        ValueSerdes serdes = serdes(runtime);
        Topics topics = prepare(runtime, admin, prefix, input, serdes);
        var settings = new TaggerTopology.Settings(
                TaggerTopology.Settings.DEFAULT_POLICY_NAME,
                TaggerTopology.Settings.DEFAULT.retention(),
                false, // scheduled re-imports would add wall-clock work unrelated to the input
                0,
                TaggerTopology.Settings.DEFAULT_PUNCTUATION_INTERVAL,
                TaggerTopology.Settings.DEFAULT.clock());
        Duration took = StreamsRun.time(
                TaggerTopology.build(topics, serdes, settings),
                properties(runtime, topics, prefix + "tagger", data),
                admin,
                topics.importResults().name(),
                PARTITIONS);
        return new Round(
                took,
                TopicCount.committed(
                        runtime.bootstrapServers(), topics.tagEvents().name(), PARTITIONS));
    }

    /**
     * A fresh catalog under {@code prefix}, with the whole input on its {@code import.results}; {@code serdes} must be
     * the app's alone, since closing a client closes its serdes' registry client.
     */
    private static Topics prepare(
            LocalRuntime runtime, Admin admin, String prefix, List<ImageStreamImport> input, ValueSerdes serdes)
            throws InterruptedException {
        Topics topics = Topics.create(prefix, PARTITIONS, serdes);
        ensure(admin, topics);
        // Serdes of their own: closing the loading producer closes its serializer's registry client.
        Topics loading = Topics.create(prefix, PARTITIONS, serdes(runtime));
        TopicCount.produce(runtime.bootstrapServers(), loading.importResults(), input, ImportResultsWorkload::key);
        return topics;
    }

    /**
     * Creates and verifies the round's topics. Verification describes them right after creating them, which a busy
     * broker may answer with "unknown topic" until its metadata catches up; ensuring again is harmless, so retry.
     */
    private static void ensure(Admin admin, Topics topics) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                new TopicAdmin(admin).ensure(topics.declarations(), Optional.of((short) 1));
                return;
            } catch (KafkaException e) {
                if (attempt == ENSURE_ATTEMPTS || !(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                Thread.sleep(ENSURE_BACKOFF.toMillis());
            }
        }
    }

    private static ValueSerdes serdes(LocalRuntime runtime) {
        return ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, runtime.schemaRegistryUrl()));
    }

    /** The same Streams settings for both apps: the tagger's, as its application runs it. */
    private static Properties properties(LocalRuntime runtime, Topics topics, String applicationId, Path data)
            throws java.io.IOException {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        properties.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(data.resolve("state").resolve(applicationId))
                        .toString());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(COMMIT_INTERVAL.toMillis()));
        properties.put(RegistryClientSettings.URL, runtime.schemaRegistryUrl());
        DeadLetterHandler.install(properties, topics.deadLetters().name(), "bench", () -> {});
        return properties;
    }

    /** One measured round: both apps over the same input, back to back, so they share the machine's conditions. */
    record Pair(Round passThrough, Round tagger) {
        /** The tagger's import results per second as a share of the pass-through's. */
        double ratio() {
            return tagger.resultsPerSecond() / passThrough.resultsPerSecond();
        }

        String row(int index) {
            return String.format(
                    Locale.ROOT,
                    "| %d | %.1f s, %.0f/s | %.1f s, %.0f/s | %.0f/s | %.2f |",
                    index,
                    passThrough.took().toMillis() / 1000.0,
                    passThrough.resultsPerSecond(),
                    tagger.took().toMillis() / 1000.0,
                    tagger.resultsPerSecond(),
                    tagger.writtenPerSecond(),
                    ratio());
        }
    }

    /**
     * The round of median ratio: the ratio is taken within a round, whose two apps ran under the same load, and one
     * noisy round on a shared machine does not decide the figure.
     */
    static Pair median(List<Pair> rounds) {
        List<Pair> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Pair::ratio));
        return sorted.get(sorted.size() / 2);
    }

    private static void report(Path out, List<Pair> rounds) throws Exception {
        Pair median = median(rounds);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            rows.append(rounds.get(i).row(i + 1)).append('\n');
        }
        String text = String.format(
                Locale.ROOT,
                """
                # Tagger benchmark

                Run %s on %d cores, Java %s: embedded broker (LocalRuntime) and schema registry in the same JVM, \
                `exactly_once_v2`, commit interval %d ms, one stream thread, %d partitions. Input: %d import results \
                (one to three tags each, %.0f%% failures) over %d streams × %d tags, pre-loaded on `import.results`; \
                each app is timed from RUNNING until its committed input offsets reach the end of the input. The \
                pass-through copies `import.results` to another topic, decoding and re-encoding each record with the \
                same serde and the same Streams settings. %d warm-up round, then %d measured rounds, the two apps \
                back to back in each.

                | round | pass-through: time, import results/s | tagger: time, import results/s | tag events/s | \
                tagger / pass-through |
                |---|---|---|---|---|
                %s
                **Tagger / pass-through throughput, median round: %.2f.** In that round the tagger wrote %.0f tag \
                events/s (%d tag events from %d results, besides its `streams` and `tags` records and store \
                changelogs), against %.0f records/s copied by the pass-through.
                """,
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                COMMIT_INTERVAL.toMillis(),
                PARTITIONS,
                RESULTS,
                ImportResultsWorkload.FAILURE_RATE * 100,
                STREAMS,
                TAGS_PER_STREAM,
                WARMUP_ROUNDS,
                MEASURED_ROUNDS,
                rows,
                median.ratio(),
                median.tagger().writtenPerSecond(),
                median.tagger().written(),
                RESULTS,
                median.passThrough().writtenPerSecond());
        System.out.print(text);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println("\nwritten to " + out);
    }

    /** Our lines at info; the broker's and the clients' chatter at warn (simplelogger reads these once, at start). */
    private static void quietLogs() {
        for (String logger : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
    }
}
