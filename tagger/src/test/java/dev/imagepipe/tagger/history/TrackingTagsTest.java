package dev.imagepipe.tagger.history;

import static dev.imagepipe.tagger.history.Fixtures.event;
import static dev.imagepipe.tagger.history.Fixtures.history;
import static dev.imagepipe.tagger.history.Fixtures.specTag;
import static dev.imagepipe.tagger.history.Fixtures.stream;
import static dev.imagepipe.tagger.history.Fixtures.tracking;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** D6 (TestUpdateTrackingTags): stream ns/ruby, updated tag 2.0, new event (ns/ruby@newid, newid). */
class TrackingTagsTest {

    private static final TagEvent NEW_EVENT = event("ns/ruby@newid", "newid", 1);

    private static SpecTag withoutFrom(String name) {
        return new SpecTag(
                name, Map.of(), Optional.empty(), false, Optional.of(1L), TagImportPolicy.DEFAULT, Optional.empty());
    }

    static Stream<Arguments> d6() {
        return Stream.of(
                // D6 row 1
                Arguments.of("from nil", List.of(withoutFrom("latest")), List.of()),
                // D6 row 2
                Arguments.of(
                        "from ImageStreamImage",
                        List.of(tracking(
                                "latest", new TagFrom(TagFrom.IMAGE_STREAM_IMAGE, "ruby@id", Optional.empty()))),
                        List.of()),
                // D6 row 3 (code): a tracking tag in another namespace tracks another stream
                Arguments.of(
                        "other namespace",
                        List.of(tracking("latest", new TagFrom(TagFrom.IMAGE_STREAM_TAG, "2.0", Optional.of("other")))),
                        List.of()),
                // D6 row 4
                Arguments.of(
                        "other stream",
                        List.of(tracking("latest", TagFrom.imageStreamTag("otherstream:2.0"))),
                        List.of()),
                // D6 row 5
                Arguments.of(
                        "stream:tag",
                        List.of(tracking("latest", TagFrom.imageStreamTag("ruby:2.0"))),
                        List.of("latest")),
                // D6 row 6
                Arguments.of(
                        "bare tag, other untracked",
                        List.of(
                                tracking("latest", TagFrom.imageStreamTag("2.0")),
                                specTag("other", "docker.io/library/ruby:other", 1)),
                        List.of("latest")),
                // D6 row 7
                Arguments.of(
                        "two trackers",
                        List.of(
                                tracking("latest1", TagFrom.imageStreamTag("2.0")),
                                tracking("latest2", TagFrom.imageStreamTag("ruby:2.0")),
                                specTag("other1", "docker.io/library/ruby:1", 1),
                                tracking("other2", TagFrom.imageStreamTag("1.9"))),
                        List.of("latest1", "latest2")),
                // same namespace written out counts as the stream's own
                Arguments.of(
                        "explicit own namespace",
                        List.of(tracking("latest", new TagFrom(TagFrom.IMAGE_STREAM_TAG, "2.0", Optional.of("ns")))),
                        List.of("latest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("d6")
    void updatesOnlyTagsTrackingTheUpdatedTag(String row, List<SpecTag> spec, List<String> expected) {
        ImageStreamState stream = stream(1, spec, List.of());

        TrackingTags.Tracking tracking = TrackingTags.update(stream, "2.0", NEW_EVENT);

        assertThat(tracking.updated()).containsExactlyElementsOf(expected);
        for (String tag : expected) {
            assertThat(tracking.stream().statusTag(tag).flatMap(TagHistory::current))
                    .contains(NEW_EVENT);
        }
        assertThat(tracking.stream().status().tags()).hasSize(expected.size());
    }

    @Test
    void leavesTrackerAloneWhenNewEventIsItsCurrentEvent() {
        // D6 row 8: latest tracking, new event identical to current (ns/ruby@id, id).
        TagEvent current = event("ns/ruby@id", "id", 1);
        ImageStreamState stream = stream(
                1, List.of(tracking("latest", TagFrom.imageStreamTag("2.0"))), List.of(history("latest", current)));

        TrackingTags.Tracking tracking = TrackingTags.update(stream, "2.0", current);

        assertThat(tracking.updated()).isEmpty();
        assertThat(tracking.stream()).isEqualTo(stream);
    }

    @Test
    void prependsToTrackerHistoryAndClearsItsConditions() {
        TagEvent old = event("ns/ruby@oldid", "oldid", 1);
        TagCondition failure = TagCondition.importFailed("NotFound", Optional.of("gone"), 1, Fixtures.T0);
        ImageStreamState stream = stream(
                1,
                List.of(tracking("latest", TagFrom.imageStreamTag("2.0"))),
                List.of(new TagHistory("latest", List.of(old), List.of(failure))));

        TagHistory latest = TrackingTags.update(stream, "2.0", NEW_EVENT).stream()
                .statusTag("latest")
                .orElseThrow();

        assertThat(latest.items()).containsExactly(NEW_EVENT, old);
        assertThat(latest.conditions()).isEmpty();
    }
}
