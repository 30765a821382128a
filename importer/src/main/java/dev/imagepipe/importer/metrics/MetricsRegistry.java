package dev.imagepipe.importer.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The metrics of one process, in the order they were registered, and their Prometheus text exposition. Registering
 * takes a lock (it happens at start-up); recording and scraping do not.
 */
public final class MetricsRegistry {

    /** The exposition format {@link #scrape()} writes, for the {@code Content-Type} header. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Object lock = new Object();
    private volatile List<Metric> metrics = List.of();

    /**
     * Registers a counter; {@code labelNames} may be empty.
     *
     * @throws IllegalArgumentException when the name or a label name is invalid, or the name is taken
     */
    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, List.of(labelNames)));
    }

    /** Registers a gauge read from {@code supplier} at every scrape. */
    public Gauge gauge(String name, String help, DoubleSupplier supplier) {
        return register(new Gauge(name, help, supplier));
    }

    /** Registers a histogram with the given finite bucket bounds, increasing. */
    public Histogram histogram(String name, String help, double... upperBounds) {
        return register(new Histogram(name, help, upperBounds));
    }

    private <M extends Metric> M register(M metric) {
        synchronized (lock) {
            if (metrics.stream().anyMatch(m -> m.name().equals(metric.name()))) {
                throw new IllegalArgumentException("metric " + metric.name() + " is already registered");
            }
            List<Metric> next = new ArrayList<>(metrics);
            next.add(metric);
            metrics = List.copyOf(next);
        }
        return metric;
    }

    /** Every metric, in registration order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The current value of every metric in the Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}). */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        for (Metric metric : metrics) {
            Exposition.write(metric, out);
        }
        return out.toString();
    }
}
