package dev.imagepipe.bench.replay;

import dev.imagepipe.auditor.invariant.Invariants;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.replay.LogReader;
import dev.imagepipe.auditor.replay.Replay;
import dev.imagepipe.auditor.replay.ReplayProgress;
import dev.imagepipe.auditor.replay.ReplayResult;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.local.LocalRuntime;
import dev.imagepipe.local.LocalRuntimeConfig;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replay benchmark ({@code bench/run replay}): in one JVM, {@link LocalRuntime} holding a synthetic but valid
 * history ({@link SyntheticHistory}) written straight to the topics; then rounds of the audit ({@code Replay.run} and
 * {@code Invariants.check}) and of a bare consumer ({@link BareRead}) over the same topics, interleaved. Writes
 * {@code bench/results/replay.md} ({@link ReplayReport}).
 */
public final class ReplayBench {

    private ReplayBench() {}

    public static void main(String[] args) throws Exception {
        ReplayBenchConfig config = ReplayBenchConfig.parse(List.of(args));
        String report = run(config);
        System.out.print(report);
        Files.createDirectories(config.out().toAbsolutePath().getParent());
        Files.writeString(config.out(), report);
        System.out.println("\nwritten to " + config.out());
        // Kafka client and broker threads that outlive their close must not keep the bench JVM alive.
        System.exit(0);
    }

    static String run(ReplayBenchConfig config) throws Exception {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        double loadAtStart = loadAverage();
        Path work = Files.createTempDirectory("imagepipe-bench-replay-");
        int partitions = Topics.DEFAULT_PARTITIONS;
        try (LocalRuntime runtime = LocalRuntime.start(
                new LocalRuntimeConfig(work.resolve("data"), 0, 0, 0, Topics.DEFAULT_PREFIX, partitions))) {
            progress(started, "broker and schema registry up");
            Topics topics = Topics.create(
                    Topics.DEFAULT_PREFIX,
                    partitions,
                    ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, runtime.schemaRegistryUrl())));
            HistoryShape shape = HistoryShape.ofAbout(config.records());
            long written;
            try (TopicLoader loader = new TopicLoader(runtime.bootstrapServers(), topics)) {
                new SyntheticHistory(shape).forEach(loader::write);
                written = loader.written();
            }
            progress(started, written + " records written");
            Map<String, Long> perTopic = Map.of();
            for (int i = 0; i < config.warmupRounds(); i++) {
                perTopic = round(runtime, topics, i, written).perTopic();
            }
            progress(started, "warmed up");
            List<Round> rounds = new ArrayList<>();
            for (int i = 0; i < config.rounds(); i++) {
                Measured measured = round(runtime, topics, i, written);
                perTopic = measured.perTopic();
                rounds.add(measured.round());
                System.out.printf(
                        "round %d: bare %d ms, audit %d ms%n",
                        i + 1,
                        measured.round().bare().toMillis(),
                        measured.round().audit().toMillis());
            }
            ReplayRun run = new ReplayRun(
                    startedAt,
                    Duration.ofNanos(System.nanoTime() - started),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version().toString(),
                    Runtime.getRuntime().maxMemory(),
                    loadAtStart,
                    loadAverage(),
                    shape,
                    partitions,
                    perTopic,
                    config.warmupRounds());
            return ReplayReport.render(run, rounds);
        }
    }

    private record Measured(Round round, Map<String, Long> perTopic) {}

    /** One round of each side, the bare read first in even rounds and the audit first in odd ones. */
    private static Measured round(LocalRuntime runtime, Topics topics, int index, long written) {
        Duration bare = Duration.ZERO;
        if (index % 2 == 0) {
            bare = bare(runtime, topics, written);
        }
        long start = System.nanoTime();
        ReplayResult result = new Replay(new LogReader(runtime.bootstrapServers()), topics)
                .run(Source.ALL, Window.ALL, ReplayProgress.NONE);
        long read = System.nanoTime();
        List<Violation> violations =
                new ArrayList<>(Invariants.check(result.log(), SyntheticHistory.POLICY, Window.ALL));
        violations.addAll(result.recordViolations());
        long checked = System.nanoTime();
        if (!violations.isEmpty() || result.total() != written) {
            throw new IllegalStateException("the audit read " + result.total() + " of " + written
                    + " records and found "
                    + violations.size() + " violation(s), first: "
                    + violations.stream().findFirst().map(Violation::message).orElse("none"));
        }
        if (index % 2 == 1) {
            bare = bare(runtime, topics, written);
        }
        return new Measured(
                new Round(written, bare, Duration.ofNanos(read - start), Duration.ofNanos(checked - read)),
                result.recordsRead());
    }

    private static Duration bare(LocalRuntime runtime, Topics topics, long written) {
        long start = System.nanoTime();
        BareRead.Outcome outcome = BareRead.read(runtime.bootstrapServers(), topics, Source.ALL);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (outcome.records() != written) {
            throw new IllegalStateException("the bare consumer read " + outcome.records() + " of " + written);
        }
        return took;
    }

    private static void progress(long started, String phase) {
        System.out.printf(
                "[+%3d s, load %.1f] %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), loadAverage(), phase);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
