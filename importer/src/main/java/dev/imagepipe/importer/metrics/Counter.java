package dev.imagepipe.importer.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A value that only goes up, optionally split by labels: {@code counter.labels("success").inc()}. Every combination of
 * label values is its own series, created at zero on first use; touch the known ones at start-up so that {@code
 * rate()} sees them from the first scrape. Lock-free: each series is a {@link DoubleAdder}.
 */
public final class Counter implements Metric {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final ConcurrentMap<List<String>, Child> children = new ConcurrentHashMap<>();

    Counter(String name, String help, List<String> labelNames) {
        this.name = Exposition.checkMetricName(name);
        this.help = Objects.requireNonNull(help, "help");
        this.labelNames = List.copyOf(labelNames);
        this.labelNames.forEach(Exposition::checkLabelName);
        if (this.labelNames.isEmpty()) {
            children.put(List.of(), new Child());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /**
     * The series for {@code values}, one per label name in order.
     *
     * @throws IllegalArgumentException when the number of values differs from the number of label names, or one is
     *     null
     */
    public Child labels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " takes labels " + labelNames + ", got " + values.length + " value(s)");
        }
        List<String> key = List.of(values); // rejects nulls
        return children.computeIfAbsent(key, k -> new Child());
    }

    /** Adds one to a counter without labels. */
    public void inc() {
        labels().inc();
    }

    /** Adds {@code amount} to a counter without labels. */
    public void inc(double amount) {
        labels().inc(amount);
    }

    /** The current value of the series for {@code values}; zero when it was never used. */
    public double value(String... values) {
        Child child = children.get(Arrays.asList(values));
        return child == null ? 0 : child.value();
    }

    /** Every series, ordered by label values so scrapes are stable. */
    List<Map.Entry<List<String>, Double>> samples() {
        return children.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().value()))
                .sorted(Map.Entry.comparingByKey(Counter::compareLabelValues))
                .toList();
    }

    private static int compareLabelValues(List<String> a, List<String> b) {
        return Arrays.compare(a.toArray(String[]::new), b.toArray(String[]::new), Comparator.naturalOrder());
    }

    /** One series of a counter. */
    public static final class Child {

        private final DoubleAdder value = new DoubleAdder();

        private Child() {}

        public void inc() {
            value.add(1);
        }

        /**
         * @throws IllegalArgumentException when {@code amount} is negative or NaN: a counter that goes down reads as a
         *     restart to Prometheus
         */
        public void inc(double amount) {
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("a counter only goes up; got " + amount);
            }
            value.add(amount);
        }

        public double value() {
            return value.sum();
        }
    }
}
