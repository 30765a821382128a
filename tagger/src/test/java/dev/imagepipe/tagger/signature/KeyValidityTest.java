package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyValidityTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2025-07-01T00:00:00Z");
    private static final KeyValidity WINDOW = new KeyValidity(Optional.of(FROM), Optional.of(UNTIL));

    @Test
    void startIsInclusiveAndEndExclusive() {
        assertThat(WINDOW.at(FROM.minusMillis(1))).isEqualTo(KeyValidity.Standing.NOT_YET_VALID);
        assertThat(WINDOW.at(FROM)).isEqualTo(KeyValidity.Standing.VALID);
        assertThat(WINDOW.at(UNTIL.minusMillis(1))).isEqualTo(KeyValidity.Standing.VALID);
        assertThat(WINDOW.at(UNTIL)).isEqualTo(KeyValidity.Standing.EXPIRED);
    }

    @Test
    void unboundedValidityIsAlwaysValid() {
        assertThat(KeyValidity.ALWAYS.at(Instant.EPOCH)).isEqualTo(KeyValidity.Standing.VALID);
    }

    @Test
    void rejectsEmptyWindow() {
        assertThatThrownBy(() -> new KeyValidity(Optional.of(UNTIL), Optional.of(FROM)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
