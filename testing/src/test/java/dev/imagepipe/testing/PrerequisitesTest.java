package dev.imagepipe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

    @Test
    void missingPrerequisiteSkipsLocallyAndFailsOnCi() {
        RuntimeException reaction = Prerequisites.missing("a thing", "apt-get install thing");

        assertThat(reaction).hasMessageContaining("apt-get install thing");
        if (Prerequisites.onCi()) {
            assertThat(reaction).isInstanceOf(IllegalStateException.class);
            assertThat(Prerequisites.disabledUnlessOnCi("a thing", "apt-get install thing")
                            .isDisabled())
                    .isFalse();
        } else {
            assertThat(reaction).isInstanceOf(TestAbortedException.class);
            assertThat(Prerequisites.disabledUnlessOnCi("a thing", "apt-get install thing")
                            .isDisabled())
                    .isTrue();
        }
    }

    @Test
    void findsExecutablesOnThePathAndNotMissingOnes() {
        assertThat(Prerequisites.executable("sh")).isPresent();
        assertThat(Prerequisites.executable("no-such-imagepipe-tool")).isEmpty();
    }
}
