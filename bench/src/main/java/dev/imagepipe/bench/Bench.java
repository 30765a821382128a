package dev.imagepipe.bench;

import dev.imagepipe.bench.pipeline.PipelineBench;
import dev.imagepipe.bench.replay.ReplayBench;
import dev.imagepipe.bench.tagger.TaggerBench;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' entry point: {@code bench/run [registry] [out.md]} runs the registry client benchmark below,
 * {@code bench/run tagger [out.md]} the tagger's ({@link TaggerBench}).
 *
 * <p>The registry client benchmark. Against the real CNCF registry on loopback it measures
 * three workloads — HEAD only; GET manifest and config; a full multi-arch expansion — each with the client and with a
 * bare {@code java.net.http} loop issuing the same requests at the same concurrency, in the same run, and reports the
 * client's throughput as a ratio to the baseline. Results are printed and written to {@code bench/results/}.
 */
public final class Bench {

    /** Tags in the benchmark repository: enough distinct manifests that no single one dominates. */
    static final int TAGS = 40;

    /** In-flight requests, like the importer's default per-registry concurrency. */
    static final int CONCURRENCY = 8;

    /** Operations per round; a round takes long enough (about a second) to time with nanoTime. */
    static final int OPERATIONS_PER_ROUND = 400;

    static final int WARMUP_ROUNDS = 3;
    static final int MEASURED_ROUNDS = 5;

    private Bench() {}

    /** The workload names {@code bench/run} takes as its first argument; none runs the registry client's. */
    static final String REGISTRY = "registry";

    static final String TAGGER = "tagger";

    static final String PIPELINE = "pipeline";

    static final String REPLAY = "replay";

    /**
     * {@code bench/run [registry] [results-file]}, {@code bench/run tagger [results-file]}, {@code bench/run pipeline
     * [flags]} with the flags of {@link dev.imagepipe.bench.pipeline.PipelineBenchConfig}, or {@code bench/run replay
     * [flags]} with those of {@link dev.imagepipe.bench.replay.ReplayBenchConfig}.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.getFirst().equals(PIPELINE)) {
            PipelineBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (!arguments.isEmpty() && arguments.getFirst().equals(REPLAY)) {
            ReplayBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (!arguments.isEmpty() && arguments.getFirst().equals(TAGGER)) {
            TaggerBench.run(arguments.size() > 1 ? Path.of(arguments.get(1)) : TaggerBench.DEFAULT_OUTPUT);
            return;
        }
        if (!arguments.isEmpty() && arguments.getFirst().equals(REGISTRY)) {
            arguments = arguments.subList(1, arguments.size());
        }
        registryClient(Path.of(arguments.isEmpty() ? "bench/results/registry-client.md" : arguments.getFirst()));
    }

    private static void registryClient(Path out) throws Exception {
        try (LocalRegistryProcess registry = LocalRegistryProcess.start(LocalRegistryConfig.DEBIAN_BINARY)) {
            RegistryEndpoint endpoint = registry.endpoint();
            ImageFixtures fixtures = new ImageFixtures(endpoint);
            List<PushedImage> tags = fixtures.pushManyTags("bench/tags", TAGS);
            fixtures.pushOciIndex("bench/multi", "v1");
            Throughput throughput = new Throughput(CONCURRENCY, OPERATIONS_PER_ROUND, WARMUP_ROUNDS, MEASURED_ROUNDS);
            List<String> rows = new ArrayList<>();
            try (BareHttpOps bare = new BareHttpOps(endpoint.baseUri());
                    ClientOps client = new ClientOps(endpoint.hostPort(), endpoint.host(), CONCURRENCY)) {
                rows.add(compare(
                        "HEAD manifest",
                        throughput,
                        bare,
                        client,
                        (ops, i) -> ops.head("bench/tags", tags.get(i % TAGS).tag())));
                rows.add(compare(
                        "GET manifest + config",
                        throughput,
                        bare,
                        client,
                        (ops, i) ->
                                ops.fetchImage("bench/tags", tags.get(i % TAGS).tag())));
                rows.add(compare(
                        "multi-arch expansion (index + 3 children)",
                        throughput,
                        bare,
                        client,
                        (ops, i) -> ops.expand("bench/multi", "v1")));
            }
            report(out, rows);
        }
    }

    /** One workload on both implementations, baseline first, in the same run. */
    @FunctionalInterface
    interface Workload {
        void run(RegistryOps ops, int i) throws Exception;
    }

    private static String compare(
            String name, Throughput throughput, RegistryOps baseline, RegistryOps client, Workload workload)
            throws Exception {
        double base = throughput.measure(i -> workload.run(baseline, i));
        double measured = throughput.measure(i -> workload.run(client, i));
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |", name, base, measured, measured / base);
    }

    private static void report(Path out, List<String> rows) throws Exception {
        StringBuilder text = new StringBuilder()
                .append("# Registry client benchmark\n\n")
                .append("Run ")
                .append(Instant.now())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(Runtime.version())
                .append("; concurrency ")
                .append(CONCURRENCY)
                .append(", ")
                .append(OPERATIONS_PER_ROUND)
                .append(" operations per round, median of ")
                .append(MEASURED_ROUNDS)
                .append(" rounds after ")
                .append(WARMUP_ROUNDS)
                .append(" warm-up rounds.\n\n")
                .append("| workload | bare java.net.http ops/s | client ops/s | client / bare |\n")
                .append("|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        System.out.print(text);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println("\nwritten to " + out);
    }
}
