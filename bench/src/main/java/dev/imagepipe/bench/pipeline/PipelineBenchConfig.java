package dev.imagepipe.bench.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the pipeline benchmark runs, from {@code bench/run pipeline [--images=N] [--images-100ms=N] [--warmup=N]
 * [--concurrency=N] [--out=path]}.
 *
 * @param images distinct tags imported per measured pass at 0 and 10 ms of injected latency
 * @param imagesAt100ms distinct tags per measured pass at 100 ms, where each import takes about half a second
 * @param warmupImages tags imported by each side before the first measured pass (JIT, connection pools, topic metadata)
 * @param concurrency fetch workers of the pipeline ({@code importer.fetch.concurrency}) and threads of the client-only
 *     pool; the per-registry limit is set to the same, so both are bounded by this one number
 * @param out the results file
 */
public record PipelineBenchConfig(int images, int imagesAt100ms, int warmupImages, int concurrency, Path out) {

    /** The N: enough imports that start-up and the last commit are a small part of the timed pass. */
    public static final int DEFAULT_IMAGES = 500;

    /**
     * The same N at 100 ms: at the default concurrency a pass takes under ten seconds per side, so the whole run stays
     * well inside five minutes on two cores without shrinking it.
     */
    public static final int DEFAULT_IMAGES_AT_100MS = 500;

    /** Two hundred imports: C2 compiles the hot paths and every connection pool is full before timing starts. */
    public static final int DEFAULT_WARMUP_IMAGES = 200;

    /** The importer's own default fetch concurrency, so the figures describe the shipped configuration. */
    public static final int DEFAULT_CONCURRENCY = 32;

    public static final Path DEFAULT_OUT = Path.of("bench/results/pipeline.md");

    private static final Set<String> FLAGS = Set.of("images", "images-100ms", "warmup", "concurrency", "out");

    public PipelineBenchConfig {
        if (images < 1 || imagesAt100ms < 1 || warmupImages < 1 || concurrency < 1) {
            throw new IllegalArgumentException("image counts and concurrency must be positive");
        }
    }

    public static PipelineBenchConfig defaults() {
        return new PipelineBenchConfig(
                DEFAULT_IMAGES, DEFAULT_IMAGES_AT_100MS, DEFAULT_WARMUP_IMAGES, DEFAULT_CONCURRENCY, DEFAULT_OUT);
    }

    /**
     * Parses {@code --name=value} flags over the defaults.
     *
     * @throws IllegalArgumentException naming the first unknown, malformed or non-positive flag
     */
    public static PipelineBenchConfig parse(List<String> args) {
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
        PipelineBenchConfig defaults = defaults();
        int images = number(flags, "images", defaults.images());
        return new PipelineBenchConfig(
                images,
                // A smaller --images shrinks the 100 ms pass too unless it is set on its own.
                number(flags, "images-100ms", Math.min(images, defaults.imagesAt100ms())),
                number(flags, "warmup", defaults.warmupImages()),
                number(flags, "concurrency", defaults.concurrency()),
                flags.containsKey("out") ? Path.of(flags.get("out")) : defaults.out());
    }

    private static int number(Map<String, String> flags, String name, int fallback) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + value + "'");
        }
    }
}
