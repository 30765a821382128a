package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST_D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.TagEventKind;
import org.junit.jupiter.api.Test;

class ImagesExistTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void acceptsEventsWhoseImagesAreInImages() {
        assertThat(Checks.of(timeline.records(), Rule.IMAGE_EXISTS)).isEmpty();
    }

    @Test
    void reportsAMoveToAnImageNeverImported() {
        String unknown = Avro.sha256("never imported");
        var move = new FixtureRecord(
                Source.TAG_EVENTS,
                LATEST,
                T4,
                Avro.tagEvent(
                        TagEventKind.Moved, LATEST, Avro.point(T4, REPOSITORY, unknown, 5), LATEST_D3, null, "r4", T4));

        assertThat(Checks.of(timeline.with(move), Rule.IMAGE_EXISTS))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.TAG_EVENTS));
                    assertThat(v.message()).isEqualTo(LATEST + " points at " + unknown + ", which is not in images");
                });
    }

    @Test
    void reportsAnImageDeletedFromImagesWithTheTombstone() {
        var tombstone = new FixtureRecord(Source.IMAGES, D3, T4, null);

        assertThat(Checks.of(timeline.with(tombstone), Rule.IMAGE_EXISTS))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).contains("tombstone");
                    assertThat(v.records())
                            .extracting(e -> e.position().offset())
                            .containsExactly(1L, timeline.count(Source.IMAGES));
                });
    }
}
