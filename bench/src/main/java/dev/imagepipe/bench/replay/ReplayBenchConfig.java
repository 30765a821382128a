package dev.imagepipe.bench.replay;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the replay benchmark runs, from {@code bench/run replay [--records=N] [--rounds=N] [--warmup=N] [--out=path]}.
 *
 * @param records about how many records the synthetic history holds
 * @param rounds measured rounds per side
 * @param warmupRounds unmeasured rounds per side before them
 * @param out the results file
 */
public record ReplayBenchConfig(long records, int rounds, int warmupRounds, Path out) {

    /** The figure: a history large enough that a replay takes seconds, not milliseconds. */
    public static final long DEFAULT_RECORDS = 100_000;

    /** Five rounds per side: the median of five shrugs off one round disturbed by the machine's other work. */
    public static final int DEFAULT_ROUNDS = 5;

    /** Two rounds per side: C2 has compiled Avro decoding and the checks, and the page cache holds the log. */
    public static final int DEFAULT_WARMUP_ROUNDS = 2;

    public static final Path DEFAULT_OUT = Path.of("bench/results/replay.md");

    private static final Set<String> FLAGS = Set.of("records", "rounds", "warmup", "out");

    public ReplayBenchConfig {
        if (records < 1 || rounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("records and rounds must be positive, warm-up rounds not negative");
        }
    }

    /**
     * Parses {@code --name=value} flags over the defaults.
     *
     * @throws IllegalArgumentException naming the first unknown or malformed flag
     */
    public static ReplayBenchConfig parse(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, equals);
            if (!FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: " + FLAGS);
            }
            flags.put(name, arg.substring(equals + 1));
        }
        return new ReplayBenchConfig(
                number(flags, "records", DEFAULT_RECORDS),
                (int) number(flags, "rounds", DEFAULT_ROUNDS),
                (int) number(flags, "warmup", DEFAULT_WARMUP_ROUNDS),
                flags.containsKey("out") ? Path.of(flags.get("out")) : DEFAULT_OUT);
    }

    private static long number(Map<String, String> flags, String name, long fallback) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }
}
