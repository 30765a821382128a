package dev.imagepipe.importer.metrics;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A value read when scraped, from a supplier that owns it (a queue size, tasks in flight), so nothing has to keep a
 * copy in step. The supplier is called on the scraping thread: it must be cheap and thread-safe.
 */
public final class Gauge implements Metric {

    private final String name;
    private final String help;
    private final DoubleSupplier supplier;

    Gauge(String name, String help, DoubleSupplier supplier) {
        this.name = Exposition.checkMetricName(name);
        this.help = Objects.requireNonNull(help, "help");
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /** The supplier's current value. */
    public double value() {
        return supplier.getAsDouble();
    }
}
