package dev.imagepipe.auditor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void readsInstantsOffsetsAndDates() {
        assertThat(Times.parse("2024-03-01T12:00:00Z")).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(Times.parse("2024-03-01T14:00:00+02:00")).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(Times.parse("2024-03-01")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void rejectsAnythingElse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Times.parse("yesterday"))
                .withMessageContaining("is not a time");
    }
}
