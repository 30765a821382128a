package dev.imagepipe.tagger.history;

import static dev.imagepipe.tagger.history.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.tagger.history.TagEventRules.Effect;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TagEventRulesTest {

    private static final TagEvent REF_IMAGE = event("ref", "image", 0);

    /** D5 first table (TestAddTagEventToImageStream), tag {@code latest}, generations 0 unless stated. */
    static Stream<Arguments> d5() {
        return Stream.of(
                // D5 row 1 "tag absent": an absent tag's history is empty (StreamDraft.history); the stream-level
                // path is StreamUpdaterTest.createsTagWithFirstEventWhenTagIsAbsent.
                Arguments.of("tag absent", List.of(), REF_IMAGE, List.of(REF_IMAGE), Effect.ADDED),
                // D5 row 2
                Arguments.of("empty items", List.of(), REF_IMAGE, List.of(REF_IMAGE), Effect.ADDED),
                // D5 row 3
                Arguments.of("same ref and image", List.of(REF_IMAGE), REF_IMAGE, List.of(REF_IMAGE), Effect.UNCHANGED),
                // D5 row 4
                Arguments.of(
                        "new image under same ref",
                        List.of(REF_IMAGE),
                        event("ref", "newimage", 0),
                        List.of(event("ref", "newimage", 0)),
                        Effect.IMAGE_REPLACED),
                // D5 row 5
                Arguments.of(
                        "same image under new ref",
                        List.of(REF_IMAGE),
                        event("newref", "image", 0),
                        List.of(event("newref", "image", 0)),
                        Effect.REFERENCE_REPLACED),
                // D5 row 6
                Arguments.of(
                        "new ref and new image",
                        List.of(REF_IMAGE),
                        event("newref", "newimage", 0),
                        List.of(event("newref", "newimage", 0), REF_IMAGE),
                        Effect.PREPENDED),
                // D5 row 7
                Arguments.of(
                        "same ref and image, new generation",
                        List.of(event("ref", "image", 1)),
                        event("ref", "image", 2),
                        List.of(event("ref", "image", 2)),
                        Effect.GENERATION_UPDATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("d5")
    void appliesTagEventRules(
            String row, List<TagEvent> existing, TagEvent next, List<TagEvent> expected, Effect effect) {
        TagEventRules.Addition addition = TagEventRules.add(existing, next);

        assertThat(addition.items()).containsExactlyElementsOf(expected);
        assertThat(addition.effect()).isEqualTo(effect);
        assertThat(addition.effect().changed()).isEqualTo(effect != Effect.UNCHANGED);
    }

    @Test
    void keepsCreatedOfRewrittenFirstItem() {
        // D5 row 7 "(created unchanged)", origin#10402: a rewritten items[0] keeps when it was first recorded.
        TagEvent later = new TagEvent(Instant.parse("2030-01-01T00:00:00Z"), "ref", "image", 2);

        TagEventRules.Addition addition = TagEventRules.add(List.of(event("ref", "image", 1)), later);

        assertThat(addition.items().getFirst().created()).isEqualTo(Fixtures.T0);
    }

    @Test
    void neverDeduplicatesAgainstOlderItems() {
        // A11.6: A -> B -> A gives three items.
        TagEvent a = event("repo@a", "a", 0);
        TagEvent b = event("repo@b", "b", 0);

        List<TagEvent> items = TagEventRules.add(List.of(a), b).items();
        items = TagEventRules.add(items, a).items();

        assertThat(items).containsExactly(a, b, a);
    }
}
