package dev.imagepipe.tagger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static TagEvent minutesAgo(int minutes) {
        return new TagEvent(NOW.minus(Duration.ofMinutes(minutes)), "repo@" + minutes, "sha-" + minutes, 1);
    }

    private final List<TagEvent> items = List.of(minutesAgo(120), minutesAgo(90), minutesAgo(30), minutesAgo(10));

    @Test
    void keepsEverythingByDefault() {
        assertThat(RetentionPolicy.UNLIMITED.retain(items, NOW)).isEqualTo(items);
    }

    @Test
    void keepsNewestCount() {
        assertThat(RetentionPolicy.keepNewest(2).retain(items, NOW)).containsExactly(items.get(0), items.get(1));
    }

    @Test
    void keepsYoungerThanAgeButNeverDropsCurrentImage() {
        // items[0] is the oldest here on purpose: it is the current image and stays whatever its age.
        assertThat(RetentionPolicy.keepYoungerThan(Duration.ofMinutes(60)).retain(items, NOW))
                .containsExactly(items.get(0), items.get(2), items.get(3));
    }

    @Test
    void keepsUnionOfCountAndAge() {
        var policy = new RetentionPolicy(OptionalInt.of(2), Optional.of(Duration.ofMinutes(20)));

        assertThat(policy.retain(items, NOW)).containsExactly(items.get(0), items.get(1), items.get(3));
    }

    @Test
    void rejectsKeepingFewerThanOneEvent() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.keepNewest(0));
    }
}
