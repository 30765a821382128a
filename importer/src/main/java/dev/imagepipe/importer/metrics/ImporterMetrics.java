package dev.imagepipe.importer.metrics;

import dev.imagepipe.importer.registry.FailureReason;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The importer's metrics, registered in a {@link MetricsRegistry}. Every known label value (both outcomes, every
 * {@link FailureReason}) starts at zero so a dashboard's {@code rate()} has a series from the first scrape. Thread-safe:
 * the fetch workers and the stream threads record concurrently.
 */
public final class ImporterMetrics {

    public static final String IMPORTS = "imagepipe_importer_imports_total";
    public static final String FETCH_SECONDS = "imagepipe_importer_fetch_seconds";
    public static final String HEAD_HITS = "imagepipe_importer_head_hits_total";
    public static final String FAILURES = "imagepipe_importer_failures_total";
    public static final String IN_FLIGHT = "imagepipe_importer_in_flight";
    public static final String DEAD_LETTERS = "imagepipe_importer_dead_letters_total";

    /**
     * Fetch durations in seconds: a HEAD hit takes tens of milliseconds, a cold multi-platform list tens of seconds,
     * and the default task timeout is five minutes, so the buckets run from 50 ms to 300 s.
     */
    static final double[] FETCH_SECONDS_BUCKETS = {.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private final Counter imports;
    private final Histogram fetchSeconds;
    private final Counter headHits;
    private final Counter failures;
    private final Counter deadLetters;

    /**
     * @param registry where the metrics are registered; each name at most once per registry
     * @param inFlight the import tasks currently held by the process (fetching or waiting for a fetch worker)
     */
    public ImporterMetrics(MetricsRegistry registry, IntSupplier inFlight) {
        Objects.requireNonNull(inFlight, "inFlight");
        imports = registry.counter(IMPORTS, "Import tasks finished, by outcome.", "outcome");
        fetchSeconds = registry.histogram(
                FETCH_SECONDS, "Time to fetch one import task from its registry, in seconds.", FETCH_SECONDS_BUCKETS);
        headHits = registry.counter(HEAD_HITS, "Tags whose digest a HEAD request showed already known, saving a GET.");
        failures = registry.counter(FAILURES, "Failed import tasks, by the reason users see in status.", "reason");
        registry.gauge(IN_FLIGHT, "Import tasks held by this process, fetching or queued.", inFlight::getAsInt);
        deadLetters = registry.counter(DEAD_LETTERS, "Records sent to the dead-letter topic.");
        imports.labels(SUCCESS);
        imports.labels(FAILURE);
        for (FailureReason reason : FailureReason.values()) {
            failures.labels(reason.statusReason());
        }
    }

    /** An import task ended with an image. */
    public void importSucceeded() {
        imports.labels(SUCCESS).inc();
    }

    /** An import task ended failed for {@code reason}: counted both as a failed import and under its reason. */
    public void importFailed(FailureReason reason) {
        imports.labels(FAILURE).inc();
        failures.labels(reason.statusReason()).inc();
    }

    /** One import task's fetch took {@code duration}, whatever its outcome. */
    public void fetchTook(Duration duration) {
        fetchSeconds.observe(duration);
    }

    /** A HEAD request answered with a digest already known, so no manifest was fetched. */
    public void headHit() {
        headHits.inc();
    }

    /** A record went to the dead-letter topic. */
    public void deadLettered() {
        deadLetters.inc();
    }
}
