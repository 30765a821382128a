package dev.imagepipe.bench.pipeline;

import java.time.Duration;

/**
 * One timed pass of imports.
 *
 * @param imports requests that completed (each one image)
 * @param failures those whose result was not a successful import; a pass with failures measures nothing useful
 * @param elapsed from the first request submitted to the last result in
 * @param latency per request, submission to result
 * @param registryRequests requests the registry served during the pass (its access log)
 */
public record Measurement(int imports, int failures, Duration elapsed, LatencySummary latency, long registryRequests) {

    /** The pass as its runner sees it; the caller adds the registry's count. */
    public static Measurement of(int imports, int failures, Duration elapsed, long[] latencyNanos) {
        return new Measurement(imports, failures, elapsed, LatencySummary.of(latencyNanos), 0);
    }

    public Measurement withRegistryRequests(long requests) {
        return new Measurement(imports, failures, elapsed, latency, requests);
    }

    public double importsPerSecond() {
        return imports / (elapsed.toNanos() / 1e9);
    }

    public double registryRequestsPerImport() {
        return (double) registryRequests / imports;
    }
}
