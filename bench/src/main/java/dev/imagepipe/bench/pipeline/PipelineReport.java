package dev.imagepipe.bench.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Renders {@code bench/results/pipeline.md} from the measured levels and judges the two targets: the pipeline
 * keeps at least half the client-only rate; with injected latency its throughput follows the concurrency limit
 * rather than falling with latency as a stream thread fetching inline would.
 */
final class PipelineReport {

    /** The target: the pipeline keeps at least half of what the client alone achieves. */
    static final double MIN_PIPELINE_SHARE = 0.5;

    /**
     * How much of the concurrency-bound rate counts as "bounded by the concurrency limit". Half, as for the client-only
     * target; a pipeline bounded by one stream thread fetching inline would reach at most 1/concurrency of it (1/32
     * by default), so the two cases are far apart.
     */
    static final double MIN_BOUND_SHARE = 0.5;

    private static final double MIB = 1024.0 * 1024.0;

    private PipelineReport() {}

    /** Whether the pipeline kept {@value #MIN_PIPELINE_SHARE} of the client-only rate with every import succeeding. */
    static boolean rateTargetHolds(LevelResult level) {
        return !level.hasFailures() && level.ratio() >= MIN_PIPELINE_SHARE;
    }

    /**
     * The rate the concurrency limit allows at {@code level}'s latency: {@code concurrency / (requests × latency)}
     * when the wait dominates, but never more than the client-only pool of the same concurrency reached at that
     * latency on this machine, in this run (at 10 ms on two cores the CPU, not the wait, is the limit). Empty for the
     * level without latency.
     */
    static OptionalDouble expectedRate(LevelResult level, int concurrency) {
        OptionalDouble bound = level.concurrencyBound(concurrency);
        return bound.isPresent()
                ? OptionalDouble.of(
                        Math.min(bound.getAsDouble(), level.clientOnly().importsPerSecond()))
                : OptionalDouble.empty();
    }

    /** Whether the pipeline reached {@value #MIN_BOUND_SHARE} of {@link #expectedRate}; false without latency. */
    static boolean latencyTargetHolds(LevelResult level, int concurrency) {
        OptionalDouble expected = expectedRate(level, concurrency);
        return !level.hasFailures()
                && expected.isPresent()
                && level.pipeline().importsPerSecond() >= MIN_BOUND_SHARE * expected.getAsDouble();
    }

    /** @param levels the measured levels, the one without injected latency first */
    static String render(RunInfo run, List<LevelResult> levels) {
        if (!levels.get(0).injectedLatency().isZero()) {
            throw new IllegalArgumentException("the first level must be the one without injected latency");
        }
        int concurrency = run.config().concurrency();
        StringBuilder text = new StringBuilder();
        header(text, run, levels);
        throughput(text, levels);
        latencies(text, levels);
        latencyBound(text, levels, concurrency);
        heap(text, run, levels);
        verdict(text, levels, concurrency);
        return text.toString();
    }

    private static void header(StringBuilder text, RunInfo run, List<LevelResult> levels) {
        PipelineBenchConfig config = run.config();
        text.append("# Pipeline benchmark: end-to-end imports against the client alone\n\n")
                .append(line(
                        "Run %s on %d cores, Java %s, max heap %.0f MiB; the whole run (start-up, pushes, warm-up,"
                                + " every pass) took %d s. One-minute load average %.1f at the start, %.1f at the end"
                                + " (other work on the machine shares the cores with both sides).",
                        run.startedAt(),
                        run.cores(),
                        run.javaVersion(),
                        run.heapMaxBytes() / MIB,
                        run.wallTime().toSeconds(),
                        run.loadAverageAtStart(),
                        run.loadAverageAtEnd()))
                .append(sharedMachineNote(run))
                .append('\n')
                .append(line(
                        "Each level imports fresh, distinct tags (one OCI image each, all digests different): %s."
                                + " Warm-up: %d imports per side before the first pass, %d more per side through"
                                + " each latency proxy.",
                        describeCounts(levels), config.warmupImages(), config.concurrency()))
                .append('\n')
                .append(line(
                        "- **client-only**: the importer's `RegistryTaskRunner` (HEAD, GET manifest, GET config,"
                                + " signature discovery: the same requests the pipeline makes for a new digest) from"
                                + " a fixed pool of %d threads, no Kafka.",
                        config.concurrency()))
                .append(line(
                        "- **pipeline**: `ImporterApplication` against `LocalRuntime` (in-process KRaft broker and"
                                + " schema registry, %d partitions), %d stream threads, `importer.fetch.concurrency`"
                                + " = `importer.per-registry.concurrency` = %d, rate limit lifted, %s, commit"
                                + " interval %d ms. N single-image requests (one stream each) are produced at once;"
                                + " the rate is N over first submit → last result read with `read_committed`.",
                        run.partitions(),
                        run.streamThreads(),
                        config.concurrency(),
                        run.processingGuarantee(),
                        run.commitInterval().toMillis()))
                .append(
                        "- Injected latency: a stub TCP proxy delays every byte sent to the registry (Debian's"
                                + " `docker-registry` on loopback) by the given time, so each registry request takes that much"
                                + " longer; both sides go through the same proxy. At 0 ms both talk to the registry directly.\n")
                .append("- Latency is per request, submission → result, with all N submitted together: it includes"
                        + " the wait in the queue, so p50 is roughly the time to work through half the burst.\n")
                .append("- Client-only runs first at each level, then the pipeline on the same tags (the client-only"
                        + " side records nothing, so the pipeline finds every digest new); broker, schema registry, importer and both clients share one JVM and the two cores with the"
                        + " registry process.\n\n");
    }

    /** Said when other work held more runnable threads than there are cores, which scales every figure down. */
    private static String sharedMachineNote(RunInfo run) {
        double load = Math.max(run.loadAverageAtStart(), run.loadAverageAtEnd());
        return load <= run.cores()
                ? ""
                : "\n"
                        + line(
                                "**The machine was shared**: a load average of %.0f on %d cores means both sides got a small,"
                                        + " varying share of the CPU. Absolute rates are far below an idle machine's, and the"
                                        + " ratios carry that noise too; compare ratios, not rates, across runs.",
                                load, run.cores());
    }

    private static String describeCounts(List<LevelResult> levels) {
        return String.join(
                ", ",
                levels.stream()
                        .map(level -> "N = " + level.pipeline().imports() + " at " + ms(level.injectedLatency()))
                        .toList());
    }

    private static void throughput(StringBuilder text, List<LevelResult> levels) {
        text.append("## Throughput\n\n")
                .append("| injected latency | N | client-only imports/s | pipeline imports/s | pipeline / client-only"
                        + " | target ≥ 0.50 |\n")
                .append("|---|---|---|---|---|---|\n");
        for (LevelResult level : levels) {
            text.append(line(
                    "| %s | %d | %.1f | %.1f | **%.2f** | %s |",
                    ms(level.injectedLatency()),
                    level.pipeline().imports(),
                    level.clientOnly().importsPerSecond(),
                    level.pipeline().importsPerSecond(),
                    level.ratio(),
                    holds(rateTargetHolds(level), level)));
        }
        text.append('\n');
    }

    private static void latencies(StringBuilder text, List<LevelResult> levels) {
        text.append("## Request → result latency (burst of N)\n\n")
                .append("| injected latency | client-only p50 | client-only p99 | pipeline p50 | pipeline p99 |\n")
                .append("|---|---|---|---|---|\n");
        for (LevelResult level : levels) {
            text.append(line(
                    "| %s | %s | %s | %s | %s |",
                    ms(level.injectedLatency()),
                    ms(level.clientOnly().latency().p50()),
                    ms(level.clientOnly().latency().p99()),
                    ms(level.pipeline().latency().p50()),
                    ms(level.pipeline().latency().p99())));
        }
        text.append('\n');
    }

    private static void latencyBound(StringBuilder text, List<LevelResult> levels, int concurrency) {
        text.append("## With latency: bounded by the concurrency limit, not by a stream thread\n\n")
                .append(line(
                        "k = registry requests per import (the registry's access log: pass total / N); d = injected"
                                + " latency; C = %d. C workers can do at most C/(k·d) imports/s, and no more than the"
                                + " client-only pool of C threads reached at the same latency; that minimum is the"
                                + " expected rate. A stream thread fetching inline could do at most 1/(k·d): a"
                                + " pipeline bounded by it would show ≤ 1 in the last-but-one column.",
                        concurrency))
                .append('\n')
                .append("| injected latency | k client-only / pipeline | C/(k·d) | expected | pipeline | pipeline /"
                        + " expected | pipeline / one thread's 1/(k·d) | target ≥ 0.50 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (LevelResult level : levels.subList(1, levels.size())) {
            double expected = expectedRate(level, concurrency).orElseThrow();
            double piped = level.pipeline().importsPerSecond();
            text.append(line(
                    "| %s | %.2f / %.2f | %.1f | %.1f | %.1f | **%.2f** | %.1f× | %s |",
                    ms(level.injectedLatency()),
                    level.clientOnly().registryRequestsPerImport(),
                    level.pipeline().registryRequestsPerImport(),
                    level.concurrencyBound(concurrency).orElseThrow(),
                    expected,
                    piped,
                    piped / expected,
                    piped / level.singleThreadBound().orElseThrow(),
                    holds(latencyTargetHolds(level, concurrency), level)));
        }
        text.append('\n');
    }

    private static void heap(StringBuilder text, RunInfo run, List<LevelResult> levels) {
        text.append("## Heap\n\n")
                .append(line(
                        "The whole JVM's heap (broker, schema registry, importer, both clients). Before the importer"
                                + " started, after a full GC: %.0f MiB. Peak is sampled every %d ms during the"
                                + " pipeline pass; steady state is after `System.gc()` once its results were in.",
                        run.heapBeforeImporterBytes() / MIB, HeapGauge.SAMPLE_INTERVAL_MILLIS))
                .append('\n')
                .append("| injected latency | peak during pipeline pass | steady state after GC | importer's share"
                        + " (steady − before start) |\n")
                .append("|---|---|---|---|\n");
        for (LevelResult level : levels) {
            text.append(line(
                    "| %s | %.0f MiB | %.0f MiB | %.0f MiB |",
                    ms(level.injectedLatency()),
                    level.heapPeakBytes() / MIB,
                    level.heapAfterGcBytes() / MIB,
                    (level.heapAfterGcBytes() - run.heapBeforeImporterBytes()) / MIB));
        }
        text.append('\n');
    }

    private static void verdict(StringBuilder text, List<LevelResult> levels, int concurrency) {
        text.append("## Targets\n\n")
                .append(line(
                        "- Pipeline ≥ 50%% of the client-only rate: %s.",
                        summary(levels, PipelineReport::rateTargetHolds)))
                .append(line(
                        "- With 10 and 100 ms of latency, throughput bounded by the concurrency limit (≥ half of"
                                + " the expected rate), not falling in proportion to latency: %s.",
                        summary(levels.subList(1, levels.size()), level -> latencyTargetHolds(level, concurrency))));
        long failures = levels.stream()
                .mapToLong(level ->
                        level.clientOnly().failures() + level.pipeline().failures())
                .sum();
        if (failures > 0) {
            text.append(
                    line("- **%d imports failed**: the figures above do not measure successful imports.", failures));
        }
    }

    private static String summary(List<LevelResult> levels, Predicate<LevelResult> target) {
        List<String> missed = levels.stream()
                .filter(target.negate())
                .map(level -> ms(level.injectedLatency()))
                .toList();
        return missed.isEmpty()
                ? "**holds** at "
                        + String.join(
                                ", ",
                                levels.stream()
                                        .map(l -> ms(l.injectedLatency()))
                                        .toList())
                : "**does not hold** at " + String.join(", ", missed);
    }

    private static String holds(boolean holds, LevelResult level) {
        if (level.hasFailures()) {
            return "no (failures)";
        }
        return holds ? "yes" : "**no**";
    }

    /** Whole milliseconds, with one decimal below ten where rounding would hide the difference. */
    private static String ms(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        return String.format(Locale.ROOT, millis < 10 && millis > 0 ? "%.1f ms" : "%.0f ms", millis);
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + "\n";
    }
}
