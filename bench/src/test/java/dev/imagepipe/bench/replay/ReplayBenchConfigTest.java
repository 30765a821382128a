package dev.imagepipe.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBenchConfigTest {

    @Test
    void defaultsToAHundredThousandRecordsAndFiveRounds() {
        ReplayBenchConfig config = ReplayBenchConfig.parse(List.of());

        assertThat(config.records()).isEqualTo(100_000);
        assertThat(config.rounds()).isEqualTo(5);
        assertThat(config.warmupRounds()).isEqualTo(2);
        assertThat(config.out()).isEqualTo(Path.of("bench/results/replay.md"));
    }

    @Test
    void readsEachFlag() {
        ReplayBenchConfig config =
                ReplayBenchConfig.parse(List.of("--records=5000", "--rounds=3", "--warmup=0", "--out=/tmp/r.md"));

        assertThat(config).isEqualTo(new ReplayBenchConfig(5000, 3, 0, Path.of("/tmp/r.md")));
    }

    @Test
    void rejectsUnknownMalformedAndNonPositiveFlags() {
        assertThatThrownBy(() -> ReplayBenchConfig.parse(List.of("--streams=3")))
                .hasMessageContaining("unknown flag --streams");
        assertThatThrownBy(() -> ReplayBenchConfig.parse(List.of("records=3")))
                .hasMessageContaining("expected --name=value");
        assertThatThrownBy(() -> ReplayBenchConfig.parse(List.of("--rounds=many")))
                .hasMessageContaining("--rounds must be a number");
        assertThatThrownBy(() -> ReplayBenchConfig.parse(List.of("--rounds=0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
