package dev.imagepipe.importer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.registry.FailureReason;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImporterMetricsTest {

    private final MetricsRegistry registry = new MetricsRegistry();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ImporterMetrics metrics = new ImporterMetrics(registry, inFlight::get);

    @Test
    void startsEveryKnownSeriesAtZero() {
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("imagepipe_importer_imports_total{outcome=\"success\"} 0\n")
                .contains("imagepipe_importer_imports_total{outcome=\"failure\"} 0\n")
                .contains("imagepipe_importer_head_hits_total 0\n")
                .contains("imagepipe_importer_dead_letters_total 0\n")
                .contains("imagepipe_importer_in_flight 0\n")
                .contains("imagepipe_importer_fetch_seconds_count 0\n");
        for (FailureReason reason : FailureReason.values()) {
            assertThat(scrape)
                    .contains("imagepipe_importer_failures_total{reason=\"" + reason.statusReason() + "\"} 0\n");
        }
    }

    @Test
    void countsAFailedImportAsAFailureAndUnderItsReason() {
        metrics.importFailed(FailureReason.RATE_LIMITED);
        metrics.importFailed(FailureReason.RATE_LIMITED);
        metrics.importSucceeded();

        assertThat(registry.scrape())
                .contains("imagepipe_importer_imports_total{outcome=\"failure\"} 2\n")
                .contains("imagepipe_importer_imports_total{outcome=\"success\"} 1\n")
                .contains("imagepipe_importer_failures_total{reason=\"RateLimited\"} 2\n")
                .contains("imagepipe_importer_failures_total{reason=\"NotFound\"} 0\n");
    }

    @Test
    void recordsFetchTimesHeadHitsDeadLettersAndReadsInFlightAtScrape() {
        metrics.fetchTook(Duration.ofMillis(200));
        metrics.fetchTook(Duration.ofMinutes(10));
        metrics.headHit();
        metrics.deadLettered();
        inFlight.set(7);

        assertThat(registry.scrape())
                .contains("imagepipe_importer_fetch_seconds_bucket{le=\"0.25\"} 1\n")
                .contains("imagepipe_importer_fetch_seconds_bucket{le=\"300\"} 1\n")
                .contains("imagepipe_importer_fetch_seconds_bucket{le=\"+Inf\"} 2\n")
                .contains("imagepipe_importer_fetch_seconds_sum 600.2\n")
                .contains("imagepipe_importer_head_hits_total 1\n")
                .contains("imagepipe_importer_dead_letters_total 1\n")
                .contains("imagepipe_importer_in_flight 7\n");
    }
}
