package dev.imagepipe.bench.pipeline;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Both sides of the benchmark at one injected registry latency, and what the latency model predicts for them.
 *
 * @param injectedLatency delay the proxy added to every request (zero: no proxy, the registry directly)
 * @param clientOnly the baseline pass
 * @param pipeline the pipeline pass over the same number of fresh tags
 * @param heapPeakBytes most heap in use during the pipeline pass
 * @param heapAfterGcBytes heap in use after a full collection once the pipeline pass's results were in
 */
public record LevelResult(
        Duration injectedLatency,
        Measurement clientOnly,
        Measurement pipeline,
        long heapPeakBytes,
        long heapAfterGcBytes) {

    /** Pipeline imports/s over client-only imports/s. */
    public double ratio() {
        return pipeline.importsPerSecond() / clientOnly.importsPerSecond();
    }

    /**
     * What {@code concurrency} workers can reach when every import waits the injected latency once per registry
     * request: {@code concurrency / (requests per import × latency)}. Empty without injected latency.
     */
    public OptionalDouble concurrencyBound(int concurrency) {
        return singleThreadBound().stream().map(rate -> rate * concurrency).findFirst();
    }

    /**
     * What one thread fetching inline, as a stream thread calling the registry itself would, can reach: {@code 1 /
     * (requests per import × latency)}. Empty without injected latency.
     */
    public OptionalDouble singleThreadBound() {
        if (injectedLatency.isZero()) {
            return OptionalDouble.empty();
        }
        double secondsPerImport = pipeline.registryRequestsPerImport() * (injectedLatency.toNanos() / 1e9);
        return OptionalDouble.of(1 / secondsPerImport);
    }

    public boolean hasFailures() {
        return clientOnly.failures() > 0 || pipeline.failures() > 0;
    }
}
