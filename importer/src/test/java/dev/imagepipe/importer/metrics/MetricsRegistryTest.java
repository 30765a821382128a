package dev.imagepipe.importer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    @Test
    void scrapesEveryKindInTheTextFormatInRegistrationOrder() {
        MetricsRegistry registry = new MetricsRegistry();
        Counter requests = registry.counter("app_requests_total", "Requests served.", "code", "path");
        registry.gauge("app_queue_size", "Items queued.", () -> 3);
        Histogram latency = registry.histogram("app_latency_seconds", "Latency in seconds.", 0.1, 1, 2.5);
        Counter restarts = registry.counter("app_restarts_total", "Restarts.");

        requests.labels("200", "/b").inc();
        requests.labels("200", "/a").inc(2);
        requests.labels("500", "/a").inc(0.5);
        latency.observe(0.0625);
        latency.observe(Duration.ofMillis(125));
        latency.observe(2);
        latency.observe(7);
        restarts.inc();

        assertThat(registry.scrape()).isEqualTo("""
                        # HELP app_requests_total Requests served.
                        # TYPE app_requests_total counter
                        app_requests_total{code="200",path="/a"} 2
                        app_requests_total{code="200",path="/b"} 1
                        app_requests_total{code="500",path="/a"} 0.5
                        # HELP app_queue_size Items queued.
                        # TYPE app_queue_size gauge
                        app_queue_size 3
                        # HELP app_latency_seconds Latency in seconds.
                        # TYPE app_latency_seconds histogram
                        app_latency_seconds_bucket{le="0.1"} 1
                        app_latency_seconds_bucket{le="1"} 2
                        app_latency_seconds_bucket{le="2.5"} 3
                        app_latency_seconds_bucket{le="+Inf"} 4
                        app_latency_seconds_sum 9.1875
                        app_latency_seconds_count 4
                        # HELP app_restarts_total Restarts.
                        # TYPE app_restarts_total counter
                        app_restarts_total 1
                        """);
    }

    @Test
    void escapesLabelValuesAndHelpAsTheSpecRequires() {
        MetricsRegistry registry = new MetricsRegistry();
        Counter counter = registry.counter("odd_total", "Help with \\ and\nnewline and \"quotes\".", "value");

        counter.labels("back\\slash \"quoted\"\nnext line").inc();

        assertThat(registry.scrape()).isEqualTo("""
                        # HELP odd_total Help with \\\\ and\\nnewline and "quotes".
                        # TYPE odd_total counter
                        odd_total{value="back\\\\slash \\"quoted\\"\\nnext line"} 1
                        """);
    }

    @Test
    void writesSpecialAndLargeNumbersAsPrometheusParsesThem() {
        assertThat(Exposition.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Exposition.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(Exposition.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Exposition.number(-0.0)).isEqualTo("0");
        assertThat(Exposition.number(42)).isEqualTo("42");
        assertThat(Exposition.number(1e20)).isEqualTo("1.0E20");
        assertThat(Exposition.number(0.001)).isEqualTo("0.001");
    }

    @Test
    void listsALabelledCounterWithNoSeriesYetByItsHeaderOnly() {
        MetricsRegistry registry = new MetricsRegistry();
        registry.counter("empty_total", "Nothing yet.", "kind");

        assertThat(registry.scrape()).isEqualTo("# HELP empty_total Nothing yet.\n# TYPE empty_total counter\n");
    }

    @Test
    void refusesADuplicateName() {
        MetricsRegistry registry = new MetricsRegistry();
        registry.counter("dup_total", "First.");

        assertThatThrownBy(() -> registry.gauge("dup_total", "Second.", () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dup_total");
    }

    @Test
    void refusesNamesOutsideThePrometheusDataModel() {
        MetricsRegistry registry = new MetricsRegistry();

        assertThatThrownBy(() -> registry.counter("1starts_with_digit", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.counter("has-dash", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.counter("ok_total", "x", "__reserved"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.counter("ok_total", "x", "bad.label"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
