package dev.imagepipe.tagger.schedule;

import static dev.imagepipe.tagger.schedule.Streams.PINNED;
import static dev.imagepipe.tagger.schedule.Streams.failedOnly;
import static dev.imagepipe.tagger.schedule.Streams.imported;
import static dev.imagepipe.tagger.schedule.Streams.stream;
import static dev.imagepipe.tagger.schedule.Streams.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** D11 first table (TestSchedulingChecks): all specs generation 1, stream generation 1. */
class ScheduledTagsTest {

    static Stream<Arguments> d11() {
        return Stream.of(
                // D11 row 1
                Arguments.of(
                        "unscheduled tag",
                        List.of(tag("default", "mysql:latest", false, 1)),
                        List.of(imported("default", 1)),
                        false,
                        List.of()),
                // D11 row 2
                Arguments.of(
                        "digest-pinned tag whose import failed is retried",
                        List.of(tag("default1", PINNED, true, 1)),
                        List.of(failedOnly("default1", 1)),
                        true,
                        List.of("default1")),
                // D11 row 3
                Arguments.of(
                        "only the pinned tag not yet imported",
                        List.of(tag("default1", PINNED, true, 1), tag("default2", PINNED, true, 1)),
                        List.of(imported("default1", 1)),
                        true,
                        List.of("default2")),
                // D11 row 4
                Arguments.of(
                        "digest-pinned tag imported at its generation",
                        List.of(tag("default", PINNED, true, 1)),
                        List.of(imported("default", 1)),
                        false,
                        List.of()),
                // D11 row 5
                Arguments.of(
                        "scheduled tag by tag",
                        List.of(tag("default", "mysql:latest", true, 1)),
                        List.of(imported("default", 1)),
                        true,
                        List.of("default")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("d11")
    void decidesSchedulingAndBumpsOnlyScheduledTags(
            String row, List<SpecTag> spec, List<TagHistory> status, boolean needsScheduling, List<String> bumped) {
        ImageStreamState stream = stream(spec, status);

        assertThat(ScheduledTags.needsScheduling(stream)).isEqualTo(needsScheduling);
        assertThat(ScheduledTags.scheduledTags(stream)).containsExactlyElementsOf(bumped);
        ImageStreamState reset = ScheduledTags.resetScheduledTags(stream);
        for (SpecTag tag : reset.spec().tags()) {
            long expected = bumped.contains(tag.name()) ? 2 : 1;
            assertThat(tag.generation()).as(tag.name()).contains(expected);
        }
    }

    @Test
    void plansImportOfScheduledTagsWithStreamLock() {
        ImageStreamState stream = stream(
                List.of(tag("default", "mysql:latest", true, 1), tag("manual", "mysql:8", false, 1)),
                List.of(imported("default", 1), imported("manual", 1)));

        ImportPlan plan = ScheduledTags.plan(stream).orElseThrow();

        assertThat(plan.tags()).containsExactly("default");
        assertThat(plan.images().getFirst().from()).isEqualTo("mysql:latest");
        assertThat(plan.streamUid()).contains("uid-mysql");
        assertThat(plan.resourceVersion()).contains("5");
    }

    @Test
    void plansNothingForStreamWithoutScheduledTags() {
        ImageStreamState stream = stream(List.of(tag("default", "mysql:latest", false, 1)), List.of());

        assertThat(ScheduledTags.plan(stream)).isEqualTo(Optional.empty());
    }

    @Test
    void neverSchedulesReferenceTags() {
        SpecTag reference = new SpecTag(
                "ref",
                Map.of(),
                Optional.of(TagFrom.dockerImage("mysql:latest")),
                true,
                Optional.of(1L),
                TagImportPolicy.DEFAULT.withScheduled(true),
                Optional.empty());

        assertThat(ScheduledTags.needsScheduling(stream(List.of(reference), List.of())))
                .isFalse();
    }
}
