package dev.imagepipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineReportTest {

    private static final int CONCURRENCY = 32;
    private static final int IMAGES = 500;
    private static final int REQUESTS_PER_IMPORT = 5;
    private static final long MIB = 1024 * 1024;

    @Test
    void rateTargetNeedsHalfTheClientOnlyRateAndNoFailures() {
        assertThat(PipelineReport.rateTargetHolds(level(0, 100, 60, 0))).isTrue();
        assertThat(PipelineReport.rateTargetHolds(level(0, 100, 40, 0))).isFalse();
        assertThat(PipelineReport.rateTargetHolds(level(0, 100, 90, 3))).isFalse();
    }

    @Test
    void boundsFollowRequestsPerImportAndLatency() {
        LevelResult far = level(100, 40, 30, 0);

        assertThat(far.singleThreadBound()).hasValueCloseTo(2.0, within());
        assertThat(far.concurrencyBound(CONCURRENCY)).hasValueCloseTo(64.0, within());
        assertThat(level(0, 40, 30, 0).concurrencyBound(CONCURRENCY)).isEmpty();
    }

    @Test
    void expectedRateIsTheConcurrencyBoundCappedByWhatTheClientReachedOnThisMachine() {
        assertThat(PipelineReport.expectedRate(level(100, 40, 30, 0), CONCURRENCY))
                .hasValueCloseTo(40.0, within());
        assertThat(PipelineReport.expectedRate(level(100, 100, 30, 0), CONCURRENCY))
                .hasValueCloseTo(64.0, within());
    }

    @Test
    void aPipelineBoundByOneStreamThreadMissesTheLatencyTarget() {
        assertThat(PipelineReport.latencyTargetHolds(level(100, 60, 45, 0), CONCURRENCY))
                .isTrue();
        assertThat(PipelineReport.latencyTargetHolds(level(100, 60, 2, 0), CONCURRENCY))
                .isFalse();
        assertThat(PipelineReport.latencyTargetHolds(level(0, 60, 45, 0), CONCURRENCY))
                .as("no latency, nothing to judge")
                .isFalse();
    }

    @Test
    void rendersEveryLevelAndSaysWhichTargetMissedWhere() {
        String report = PipelineReport.render(
                run(), List.of(level(0, 200, 150, 0), level(10, 150, 120, 0), level(100, 60, 2, 0)));

        assertThat(report)
                .contains("| 0 ms | 500 | 200.0 | 150.0 | **0.75** | yes |")
                .contains("| 100 ms | 500 | 60.0 | 2.0 | **0.03** | **no** |")
                .contains("Pipeline ≥ 50% of the client-only rate: **does not hold** at 100 ms.")
                .contains("not falling in proportion to latency: **does not hold** at 100 ms.")
                .contains("| 0 ms | 300 MiB | 200 MiB | 50 MiB |")
                .doesNotContain("imports failed");
    }

    @Test
    void flagsFailedImportsAndASharedMachine() {
        String report = PipelineReport.render(run(), List.of(level(0, 200, 150, 4), level(10, 150, 120, 0)));

        assertThat(report)
                .contains("| 0 ms | 500 | 200.0 | 150.0 | **0.75** | no (failures) |")
                .contains("**4 imports failed**")
                .contains("**The machine was shared**");
    }

    @Test
    void theFirstLevelMustBeTheOneWithoutLatency() {
        assertThatThrownBy(() -> PipelineReport.render(run(), List.of(level(10, 1, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A level whose passes ran at the given rates, five registry requests per import. */
    private static LevelResult level(long latencyMillis, double clientRate, double pipelineRate, int failures) {
        return new LevelResult(
                Duration.ofMillis(latencyMillis),
                pass(clientRate, 0),
                pass(pipelineRate, failures),
                300 * MIB,
                200 * MIB);
    }

    private static Measurement pass(double rate, int failures) {
        Duration elapsed = Duration.ofNanos((long) (IMAGES / rate * 1e9));
        LatencySummary latency = new LatencySummary(Duration.ofMillis(40), Duration.ofMillis(90));
        return new Measurement(IMAGES, failures, elapsed, latency, (long) IMAGES * REQUESTS_PER_IMPORT);
    }

    private static RunInfo run() {
        PipelineBenchConfig config = new PipelineBenchConfig(IMAGES, IMAGES, 100, CONCURRENCY, Path.of("out.md"));
        return new RunInfo(
                Instant.parse("2026-11-22T09:00:00Z"),
                Duration.ofSeconds(200),
                2,
                "25",
                config,
                2,
                6,
                "exactly_once_v2",
                Duration.ofMillis(100),
                4096 * MIB,
                150 * MIB,
                1.0,
                3.5);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
