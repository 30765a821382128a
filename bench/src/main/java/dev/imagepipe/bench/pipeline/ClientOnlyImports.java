package dev.imagepipe.bench.pipeline;

import dev.imagepipe.importer.config.ImporterConfig;
import dev.imagepipe.importer.fetch.ImageFetcher;
import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.transport.RegistryLimits;
import dev.imagepipe.importer.signature.SignatureDiscovery;
import dev.imagepipe.importer.task.CredentialSource;
import dev.imagepipe.importer.task.FetchTask;
import dev.imagepipe.importer.task.KnownImports;
import dev.imagepipe.importer.task.RegistryTaskRunner;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.importer.task.TaskPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline: the importer's own fetch work ({@link RegistryTaskRunner} built as {@code ImporterApplication} builds
 * it, signature discovery included) called from a fixed pool of {@code importer.fetch.concurrency} threads, with no
 * Kafka at all. What the pipeline adds on top — topics, repartitioning, the in-flight store, exactly-once commits — is
 * what the ratio measures.
 *
 * <p>In: image references, one per import. Out: a {@link Measurement} (without the registry's request count).
 */
final class ClientOnlyImports implements AutoCloseable {

    /**
     * Never finds a digest, but is not {@link KnownImports#NONE}: the fetcher then sends the HEAD first, as the
     * pipeline does for a digest it has not seen, so both sides make the same requests.
     */
    private static final KnownImports NOTHING_KNOWN_YET = key -> Optional.empty();

    private final RegistryClient client = new RegistryClient();
    private final SignatureDiscovery signatures = new SignatureDiscovery(client);
    private final RegistryTaskRunner runner;
    private final TaskPolicy policy;
    private final int concurrency;

    /** @param config the pipeline's own configuration, so transport options, limits and platform are the same */
    ClientOnlyImports(ImporterConfig config, TaskPolicy policy) {
        RegistryLimits.setDefaults(
                config.perRegistryConcurrency(), config.perRegistryRate(), config.perRegistryBurst());
        ImageFetcher fetcher = new ImageFetcher(
                client, PlatformChooser.withDefault(config.defaultPlatform()), config.requestOptions());
        this.runner = new RegistryTaskRunner(
                fetcher,
                client,
                config.discoverSignatures() ? Optional.of(signatures) : Optional.empty(),
                CredentialSource.ANONYMOUS);
        this.policy = policy;
        this.concurrency = config.fetchConcurrency();
    }

    /** Imports every reference at once through the pool; returns when all are done. */
    Measurement run(List<String> references) throws InterruptedException, ExecutionException {
        List<Future<Done>> done = new ArrayList<>(references.size());
        int failures = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            long[] submitted = new long[references.size()];
            long start = System.nanoTime();
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                submitted[i] = System.nanoTime();
                done.add(pool.submit(() -> importOne(reference)));
            }
            long[] latencies = new long[references.size()];
            long last = start;
            for (int i = 0; i < done.size(); i++) {
                Done finished = done.get(i).get();
                failures += finished.imported() ? 0 : 1;
                latencies[i] = finished.atNanos() - submitted[i];
                last = Math.max(last, finished.atNanos());
            }
            return Measurement.of(references.size(), failures, Duration.ofNanos(last - start), latencies);
        }
    }

    /** When one import finished ({@link System#nanoTime()}) and whether it imported the image. */
    private record Done(long atNanos, boolean imported) {}

    private Done importOne(String reference) {
        FetchTask task = new FetchTask(
                reference,
                "bench",
                reference,
                false,
                ImportMode.LEGACY,
                false,
                Optional.empty(),
                Optional.empty(),
                FetchTask.UNLIMITED,
                false,
                Instant.now());
        TaskOutcome outcome = runner.run(task, policy, NOTHING_KNOWN_YET);
        long finished = System.nanoTime();
        boolean imported =
                outcome instanceof TaskOutcome.ImageOutcome image && image.result() instanceof TaskOutcome.Imported;
        return new Done(finished, imported);
    }

    @Override
    public void close() {
        signatures.close();
        client.close();
    }
}
