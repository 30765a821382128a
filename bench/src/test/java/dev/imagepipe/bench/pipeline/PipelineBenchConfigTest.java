package dev.imagepipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBenchConfigTest {

    @Test
    void noFlagsGiveTheIssueDefaults() {
        assertThat(PipelineBenchConfig.parse(List.of())).isEqualTo(PipelineBenchConfig.defaults());
        assertThat(PipelineBenchConfig.defaults().images()).isEqualTo(500);
    }

    @Test
    void flagsOverrideEachSetting() {
        PipelineBenchConfig config = PipelineBenchConfig.parse(
                List.of("--images=40", "--images-100ms=20", "--warmup=10", "--concurrency=4", "--out=/tmp/x.md"));

        assertThat(config).isEqualTo(new PipelineBenchConfig(40, 20, 10, 4, Path.of("/tmp/x.md")));
    }

    @Test
    void aSmallerImageCountAlsoShrinksThe100msPassUnlessThatIsSet() {
        assertThat(PipelineBenchConfig.parse(List.of("--images=50")).imagesAt100ms())
                .isEqualTo(50);
        assertThat(PipelineBenchConfig.parse(List.of("--images=50", "--images-100ms=80"))
                        .imagesAt100ms())
                .isEqualTo(80);
    }

    @Test
    void rejectsUnknownMalformedAndNonPositiveFlags() {
        assertThatThrownBy(() -> PipelineBenchConfig.parse(List.of("--threads=3")))
                .hasMessageContaining("unknown flag --threads");
        assertThatThrownBy(() -> PipelineBenchConfig.parse(List.of("images=3"))).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> PipelineBenchConfig.parse(List.of("--images=many")))
                .hasMessageContaining("--images expects a whole number");
        assertThatThrownBy(() -> PipelineBenchConfig.parse(List.of("--concurrency=0")))
                .hasMessageContaining("positive");
    }
}
