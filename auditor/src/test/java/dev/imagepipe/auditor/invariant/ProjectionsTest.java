package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST_D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.NOT_FOUND;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D2_GEN4;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STREAM;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void acceptsProjectionsThatMatchTheRebuiltHistories() {
        assertThat(Checks.of(timeline.records(), Rule.PROJECTION_MATCHES)).isEmpty();
    }

    @Test
    void acceptsAProjectionThatRetentionPruned() {
        var pruned = view(Avro.history("stable", List.of(STABLE_D2_GEN4), List.of()));

        assertThat(Checks.of(timeline.with(pruned), Rule.PROJECTION_MATCHES)).isEmpty();
    }

    @Test
    void reportsATagViewShowingAnotherImageAtItsOffset() {
        var wrong = view(Avro.history("stable", List.of(STABLE_D1), List.of()));

        assertThat(Checks.of(timeline.with(wrong), Rule.PROJECTION_MATCHES))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).isEqualTo(STABLE + ": tags shows " + D1 + ", tag.events leave it at " + D2);
                    assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.TAGS));
                    assertThat(v.records().get(1).position().offset()).isEqualTo(4L);
                });
    }

    @Test
    void reportsAFailureTheEventsNeverAnnounced() {
        var failing = view(Avro.history("stable", List.of(STABLE_D2_GEN4, STABLE_D1), List.of(NOT_FOUND)));

        assertThat(Checks.of(timeline.with(failing), Rule.PROJECTION_MATCHES))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("shows failure NotFound: manifest unknown"));
    }

    @Test
    void reportsAHistoryWithAnImageTheEventsNeverAnnounced() {
        var invented = view(Avro.history("stable", List.of(STABLE_D2_GEN4, LATEST_D3, STABLE_D1), List.of()));

        assertThat(Checks.of(timeline.with(invented), Rule.PROJECTION_MATCHES))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("is not the rebuilt history"));
    }

    @Test
    void reportsAStreamMissingATagThatHasAnImage() {
        var stream = new FixtureRecord(
                Source.STREAMS,
                STREAM,
                T4,
                Avro.stream(STREAM, List.of(Avro.history("stable", List.of(STABLE_D2_GEN4, STABLE_D1), List.of()))));

        assertThat(Checks.of(timeline.with(stream), Rule.PROJECTION_MATCHES))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).contains("prod/api:latest: streams shows no image");
                    assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.STREAMS));
                });
    }

    @Test
    void reportsADeletedTagViewThatStillShowsAnImage() {
        var tombstone = new FixtureRecord(Source.TAGS, STABLE, T4, null);

        assertThat(Checks.of(timeline.with(tombstone), Rule.PROJECTION_MATCHES))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("tags shows no image"));
    }

    @Test
    void findsASubsequenceOnlyInOrder() {
        assertThat(Projections.subsequence(List.of("a", "c"), List.of("a", "b", "c")))
                .isTrue();
        assertThat(Projections.subsequence(List.of("c", "a"), List.of("a", "b", "c")))
                .isFalse();
        assertThat(Projections.subsequence(List.of(), List.of("a"))).isTrue();
    }

    private static FixtureRecord view(NamedTagEventList history) {
        return new FixtureRecord(Source.TAGS, STABLE, T4, Avro.tagView(STABLE, history, T4));
    }
}
