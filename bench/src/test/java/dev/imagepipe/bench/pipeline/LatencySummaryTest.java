package dev.imagepipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void takesNearestRankPercentilesWhateverTheInputOrder() {
        long[] nanos =
                LongStream.rangeClosed(1, 200).map(i -> (201 - i) * 1_000_000).toArray();

        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(100));
        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(198));
        assertThat(nanos[0]).as("the caller's array is left as it was").isEqualTo(200_000_000);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.of(new long[] {7});

        assertThat(summary.p50()).isEqualTo(Duration.ofNanos(7));
        assertThat(summary.p99()).isEqualTo(Duration.ofNanos(7));
    }

    @Test
    void refusesAnEmptyPass() {
        assertThatThrownBy(() -> LatencySummary.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
