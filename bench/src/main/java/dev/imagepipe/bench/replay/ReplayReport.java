package dev.imagepipe.bench.replay;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Renders {@code bench/results/replay.md}: the audit's records/s as a ratio to the bare consumer's, and how. */
final class ReplayReport {

    /** Above this one-minute load per core the machine was shared, and the report says so. */
    static final double BUSY_LOAD_PER_CORE = 1.0;

    private ReplayReport() {}

    /** The median of {@code values}; the mean of the middle two for an even count. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double medianOf(List<Round> rounds, ToDoubleFunction<Round> value) {
        return median(rounds.stream().map(value::applyAsDouble).toList());
    }

    static String render(ReplayRun run, List<Round> rounds) {
        double bare = medianOf(rounds, Round::bareRate);
        double audit = medianOf(rounds, Round::auditRate);
        double read = medianOf(rounds, Round::readRate);
        long records = rounds.getFirst().records();
        StringBuilder out = new StringBuilder();
        out.append("# Replay benchmark: audit replay against a bare consumer\n\n");
        out.append(f(
                "Run %s on %d cores, Java %s, max heap %d MiB; the whole run (start-up, generating and loading the"
                        + " history, every round) took %d s. One-minute load average %.1f at the start, %.1f at the"
                        + " end.\n\n",
                run.startedAt(),
                run.cores(),
                run.java(),
                run.maxHeapBytes() >> 20,
                run.took().toSeconds(),
                run.loadAtStart(),
                run.loadAtEnd()));
        if (Math.max(run.loadAtStart(), run.loadAtEnd()) > BUSY_LOAD_PER_CORE * run.cores()) {
            out.append(
                    "**The machine was shared**: other work ran on the same cores, so absolute rates are below an idle"
                            + " machine's; both sides ran interleaved in the same run, so the ratio is the figure to"
                            + " compare.\n\n");
        }
        out.append(f(
                "**Audit / bare consumer: %.2f** (%.0f vs %.0f records/s, medians of %d rounds over %d records).\n\n",
                audit / bare, audit, bare, rounds.size(), records));
        method(out, run);
        out.append("## Throughput (medians)\n\n");
        out.append("| side | records/s | ratio to bare |\n|---|---|---|\n");
        out.append(f("| bare consumer (read + Avro decode) | %.0f | 1.00 |\n", bare));
        out.append(f(
                "| audit read (`Replay.run`: read, decode, collect, per-record checks) | %.0f | %.2f |\n",
                read, read / bare));
        out.append(f("| **audit** (`Replay.run` + `Invariants.check`) | %.0f | **%.2f** |\n\n", audit, audit / bare));
        out.append("## Rounds\n\n");
        out.append("| round | bare ms | audit read ms | audit checks ms | audit total ms | audit / bare |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            out.append(f(
                    "| %d | %d | %d | %d | %d | %.2f |\n",
                    i + 1,
                    round.bare().toMillis(),
                    round.read().toMillis(),
                    round.checks().toMillis(),
                    round.audit().toMillis(),
                    round.auditRate() / round.bareRate()));
        }
        out.append("\n## The history\n\n| topic | records |\n|---|---|\n");
        new TreeMap<>(run.recordsPerTopic()).forEach((topic, count) -> out.append(f("| %s | %d |\n", topic, count)));
        return out.toString();
    }

    private static void method(StringBuilder out, ReplayRun run) {
        HistoryShape shape = run.shape();
        out.append(f(
                "- **History**: synthetic but valid (every invariant holds; each audit round must report zero"
                        + " violations or the run fails), written straight to the topics with the catalog's Avro serdes"
                        + " in transactions of %d records. %d streams × %d tags, %d import rounds per stream (one"
                        + " request per round); every %dth round fails (NotFound) and the next recovers; every %dth new"
                        + " image carries a cosign signature judged Trusted, signed with a real P-256 key the policy"
                        + " trusts, so the audit verifies each again. Keyed topics have %d partitions.\n",
                TopicLoader.RECORDS_PER_TRANSACTION,
                shape.streams(),
                shape.tagsPerStream(),
                shape.importsPerTag(),
                shape.failEvery(),
                shape.signEvery(),
                run.partitions()));
        out.append("- **Broker**: `LocalRuntime` (in-process KRaft broker and schema registry) in the same JVM as both"
                + " readers.\n");
        out.append("- **Bare consumer**: one `KafkaConsumer`, every partition of the eight audited topics assigned,"
                + " `seekToBeginning`, `read_committed`, polled to the end offsets seen at the start, each value decoded"
                + " with the topic's Avro deserializer; nothing else. It uses the auditor's consumer settings"
                + " (`LogReader.consumerConfig`: no group, no commits, 5,000 records per poll), so the ratio is the cost"
                + " of what the audit does with the records.\n");
        out.append("- **Audit**: what `imagepipe audit replay` does before rendering: `Replay.run` over every audited"
                + " topic (the same read, plus mapping each record into the audit log and the per-record checks:"
                + " manifest digests, credential scan), then `Invariants.check` (images exist, history and generation"
                + " order, one result per request, signatures re-verified, projections compared).\n");
        out.append(f(
                "- **Rounds**: %d unmeasured rounds per side, then the measured ones; the sides alternate which goes"
                        + " first, so drift in the machine's load falls on both. Each round times one whole read from a"
                        + " new consumer.\n\n",
                run.warmupRounds()));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
