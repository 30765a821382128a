package dev.imagepipe.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayReportTest {

    private static final HistoryShape SHAPE = new HistoryShape(1000, 4, 24, 10, 10);

    private static ReplayRun run(double load) {
        return new ReplayRun(
                Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofSeconds(90),
                2,
                "25",
                4L << 30,
                load,
                load,
                SHAPE,
                6,
                Map.of("imagepipe.tag.events", 96_000L, "imagepipe.images", 80_000L),
                2);
    }

    private static Round round(long bareMs, long readMs, long checksMs) {
        return new Round(100_000, Duration.ofMillis(bareMs), Duration.ofMillis(readMs), Duration.ofMillis(checksMs));
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(ReplayReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(ReplayReport.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void quotesTheAuditsRateAsARatioOfMediansToTheBareConsumers() {
        // bare 100k records in 1 s, 1.25 s (median 1 s); audit 2 s, 4 s, 2.5 s (median 2.5 s)
        List<Round> rounds = List.of(round(1000, 1500, 500), round(1250, 3000, 1000), round(800, 2000, 500));

        String report = ReplayReport.render(run(0.5), rounds);

        assertThat(report)
                .contains("**Audit / bare consumer: 0.40** (40000 vs 100000 records/s, medians of 3 rounds over 100000"
                        + " records)")
                .contains("| 2 | 1250 | 3000 | 1000 | 4000 | 0.31 |")
                .contains("| imagepipe.images | 80000 |")
                .contains("1000 streams × 4 tags, 24 import rounds")
                .doesNotContain("The machine was shared");
    }

    @Test
    void saysSoWhenTheMachineWasShared() {
        String report = ReplayReport.render(run(7.5), List.of(round(1000, 2000, 500)));

        assertThat(report).contains("**The machine was shared**");
    }
}
