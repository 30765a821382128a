package dev.imagepipe.importer.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into fixed buckets, by convention in seconds. Give the finite upper bounds in increasing order;
 * {@code +Inf} is always added. Lock-free: one {@link LongAdder} per bucket and a {@link DoubleAdder} for the sum. A
 * scrape during observations may see the sum and the counts one observation apart, which Prometheus tolerates; the
 * count is always the {@code +Inf} bucket.
 */
public final class Histogram implements Metric {

    /** Prometheus client libraries' default buckets: 5 ms to 10 s, for request latencies. */
    public static final double[] DEFAULT_SECONDS_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    private final String name;
    private final String help;
    private final double[] upperBounds;
    /** Observations per bucket, not cumulative; the last one is above every finite bound. */
    private final LongAdder[] counts;

    private final DoubleAdder sum = new DoubleAdder();

    Histogram(String name, String help, double[] upperBounds) {
        this.name = Exposition.checkMetricName(name);
        this.help = Objects.requireNonNull(help, "help");
        this.upperBounds = checkBounds(upperBounds.clone());
        this.counts = new LongAdder[this.upperBounds.length + 1];
        Arrays.setAll(counts, i -> new LongAdder());
    }

    private static double[] checkBounds(double[] bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one finite bucket");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException(
                        "bucket bounds must be finite and strictly increasing: " + Arrays.toString(bounds));
            }
        }
        return bounds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /**
     * Counts {@code value} into the first bucket whose bound is at least {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} is NaN
     */
    public void observe(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot observe NaN in " + name);
        }
        int index = Arrays.binarySearch(upperBounds, value);
        counts[index >= 0 ? index : -index - 1].increment();
        sum.add(value);
    }

    /** Observes {@code duration} in seconds, with nanosecond precision. */
    public void observe(Duration duration) {
        observe(duration.toNanos() / 1e9);
    }

    /** The finite bounds, the cumulative count at each, then the total count and sum. */
    Snapshot snapshot() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(upperBounds.clone(), cumulative, sum.sum());
    }

    /**
     * @param upperBounds the finite bounds
     * @param cumulativeCounts observations at or below each bound, then the total ({@code +Inf})
     * @param sum of every observation
     */
    record Snapshot(double[] upperBounds, long[] cumulativeCounts, double sum) {

        long count() {
            return cumulativeCounts[cumulativeCounts.length - 1];
        }
    }
}
