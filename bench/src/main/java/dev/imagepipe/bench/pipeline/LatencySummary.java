package dev.imagepipe.bench.pipeline;

import java.time.Duration;
import java.util.Arrays;

/**
 * The median and 99th percentile of a pass's request latencies, by the nearest-rank method (the value below which
 * that share of samples falls, always one of the samples).
 */
public record LatencySummary(Duration p50, Duration p99) {

    /** @param nanos one latency per request, in nanoseconds; at least one */
    public static LatencySummary of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies to summarise");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(Duration.ofNanos(rank(sorted, 50)), Duration.ofNanos(rank(sorted, 99)));
    }

    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
