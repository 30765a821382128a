package dev.imagepipe.importer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void countsAValueOnABoundIntoThatBucket() {
        Histogram histogram = registry.histogram("h_seconds", "h", 1, 2);

        histogram.observe(1);
        histogram.observe(1.0001);
        histogram.observe(Duration.ofSeconds(3));

        Histogram.Snapshot snapshot = histogram.snapshot();
        assertThat(snapshot.cumulativeCounts()).containsExactly(1, 2, 3);
        assertThat(snapshot.count()).isEqualTo(3);
        assertThat(snapshot.sum()).isCloseTo(5.0001, offset(1e-9));
    }

    @Test
    void observesDurationsInSeconds() {
        Histogram histogram = registry.histogram("h_seconds", "h", 0.001, 0.01);

        histogram.observe(Duration.ofNanos(500_000));

        assertThat(histogram.snapshot().cumulativeCounts()).containsExactly(1, 1, 1);
        assertThat(histogram.snapshot().sum()).isEqualTo(0.0005);
    }

    @Test
    void refusesBoundsThatAreNotStrictlyIncreasingAndFinite() {
        assertThatThrownBy(() -> registry.histogram("a_seconds", "a", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.histogram("b_seconds", "b", 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.histogram("c_seconds", "c", 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.histogram("d_seconds", "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNaN() {
        Histogram histogram = registry.histogram("h_seconds", "h", 1);

        assertThatThrownBy(() -> histogram.observe(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(histogram.snapshot().count()).isZero();
    }
}
