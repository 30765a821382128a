package dev.imagepipe.importer.metrics;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Prometheus text format, version 0.0.4: names checked against the data model, help and label values escaped, and
 * numbers written as Prometheus parses them.
 */
final class Exposition {

    /** The data model's metric names. */
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The data model's label names; names starting {@code __} are reserved for Prometheus itself. */
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Above this a double no longer holds every integer, so it is written in floating-point form. */
    private static final double LARGEST_EXACT_INTEGER = 1L << 53;

    private Exposition() {}

    static String checkMetricName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name: " + name);
        }
        return name;
    }

    static String checkLabelName(String name) {
        if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("invalid or reserved label name: " + name);
        }
        return name;
    }

    static void write(Metric metric, StringBuilder out) {
        out.append("# HELP ")
                .append(metric.name())
                .append(' ')
                .append(escapeHelp(metric.help()))
                .append('\n');
        switch (metric) {
            case Counter counter -> writeCounter(counter, out);
            case Gauge gauge -> writeGauge(gauge, out);
            case Histogram histogram -> writeHistogram(histogram, out);
        }
    }

    private static void writeCounter(Counter counter, StringBuilder out) {
        type(counter, "counter", out);
        for (Map.Entry<List<String>, Double> sample : counter.samples()) {
            out.append(counter.name());
            labels(counter.labelNames(), sample.getKey(), out);
            out.append(' ').append(number(sample.getValue())).append('\n');
        }
    }

    private static void writeGauge(Gauge gauge, StringBuilder out) {
        type(gauge, "gauge", out);
        out.append(gauge.name()).append(' ').append(number(gauge.value())).append('\n');
    }

    private static void writeHistogram(Histogram histogram, StringBuilder out) {
        type(histogram, "histogram", out);
        Histogram.Snapshot snapshot = histogram.snapshot();
        double[] bounds = snapshot.upperBounds();
        long[] counts = snapshot.cumulativeCounts();
        for (int i = 0; i < counts.length; i++) {
            String le = i < bounds.length ? number(bounds[i]) : "+Inf";
            out.append(histogram.name())
                    .append("_bucket{le=\"")
                    .append(le)
                    .append("\"} ")
                    .append(counts[i])
                    .append('\n');
        }
        out.append(histogram.name())
                .append("_sum ")
                .append(number(snapshot.sum()))
                .append('\n');
        out.append(histogram.name()).append("_count ").append(snapshot.count()).append('\n');
    }

    private static void type(Metric metric, String type, StringBuilder out) {
        out.append("# TYPE ").append(metric.name()).append(' ').append(type).append('\n');
    }

    private static void labels(List<String> names, List<String> values, StringBuilder out) {
        if (names.isEmpty()) {
            return;
        }
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ",")
                    .append(names.get(i))
                    .append("=\"")
                    .append(escapeLabelValue(values.get(i)))
                    .append('"');
        }
        out.append('}');
    }

    /** In HELP text a backslash and a line feed are escaped; quotes are not. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** In label values a backslash, a double quote and a line feed are escaped. */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Integers without a fraction, other values as Java prints them (which Go's ParseFloat reads), and ±Inf, NaN. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_INTEGER) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
