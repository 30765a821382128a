package dev.imagepipe.importer.metrics;

/** A named metric family in a {@link MetricsRegistry}: what {@code # HELP} and {@code # TYPE} describe. */
public sealed interface Metric permits Counter, Gauge, Histogram {

    /** The family name, e.g. {@code imagepipe_importer_imports_total}. */
    String name();

    /** One line saying what is measured, in which unit. */
    String help();
}
