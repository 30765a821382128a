package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST_D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D2_GEN4;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryOrderTest {

    private final KnownTimeline timeline = KnownTimeline.create();
    private final long nextEvent = timeline.count(Source.TAG_EVENTS);

    @Test
    void acceptsAHistoryThatChainsAndMovesForward() {
        assertThat(Checks.of(timeline.records(), Rule.HISTORY_ORDER)).isEmpty();
        assertThat(Checks.of(timeline.records(), Rule.GENERATION_ORDER)).isEmpty();
    }

    @Test
    void reportsAMoveFromAnImageTheTagDidNotPointAt() {
        var move = moveStable(Avro.point(T4, REPOSITORY, D3, 5), STABLE_D1, T4);

        assertThat(Checks.of(timeline.with(move), Rule.HISTORY_ORDER))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position().offset()).isEqualTo(nextEvent);
                    assertThat(v.message()).contains("Moved from " + D1).contains("pointed at " + KnownTimeline.D2);
                });
    }

    @Test
    void reportsAnEventStampedBeforeThePreviousEventOfItsTag() {
        Duration back = Duration.ofHours(1);
        var move = moveStable(
                Avro.point(T4, REPOSITORY, D3, 5),
                STABLE_D2_GEN4,
                T4.minus(back).minus(back));

        assertThat(Checks.of(timeline.with(move), Rule.HISTORY_ORDER))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).contains("is before the previous event's " + T4);
                    assertThat(v.records())
                            .extracting(e -> e.position().offset())
                            .containsExactly(nextEvent, 4L);
                });
    }

    @Test
    void reportsANewEntryCreatedBeforeTheOneItReplaces() {
        var move = moveStable(Avro.point(T1.minusSeconds(1), REPOSITORY, D3, 5), STABLE_D2_GEN4, T4);

        assertThat(Checks.of(timeline.with(move), Rule.HISTORY_ORDER))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("created " + T1.minusSeconds(1)));
    }

    @Test
    void reportsAnAddedForATagThatAlreadyHasAnImage() {
        var added = new FixtureRecord(
                Source.TAG_EVENTS,
                LATEST,
                T4,
                Avro.tagEvent(TagEventKind.Added, LATEST, Avro.point(T4, REPOSITORY, D1, 5), null, null, "r4", T4));

        assertThat(Checks.of(timeline.with(added), Rule.HISTORY_ORDER))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("Added while the tag already points at " + D3));
    }

    @Test
    void reportsAGenerationGoingBack() {
        var move = moveStable(Avro.point(T4, REPOSITORY, D3, 3), STABLE_D2_GEN4, T4);

        assertThat(Checks.of(timeline.with(move), Rule.GENERATION_ORDER))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position().offset()).isEqualTo(nextEvent);
                    assertThat(v.message()).contains("generation 3 after generation 4");
                });
    }

    @Test
    void letsADeletedTagStartAgainAtAnyGeneration() {
        var deleted = new FixtureRecord(
                Source.TAG_EVENTS,
                LATEST,
                T4,
                Avro.tagEvent(TagEventKind.Deleted, LATEST, null, LATEST_D3, null, "r5", T4));
        var added = new FixtureRecord(
                Source.TAG_EVENTS,
                LATEST,
                T4,
                Avro.tagEvent(TagEventKind.Added, LATEST, Avro.point(T4, REPOSITORY, D1, 0), null, null, "r6", T4));

        List<Violation> all = Checks.of(timeline.with(deleted, added));

        assertThat(all).noneMatch(v -> v.rule() == Rule.HISTORY_ORDER || v.rule() == Rule.GENERATION_ORDER);
    }

    @Test
    void reportsAProjectedHistoryThatIsNotNewestFirst() {
        var outOfOrder = Avro.history("stable", List.of(STABLE_D1, STABLE_D2_GEN4), List.of());
        var view = new FixtureRecord(Source.TAGS, STABLE, T4, Avro.tagView(STABLE, outOfOrder, T4));

        List<Violation> order = Checks.of(timeline.with(view), Rule.HISTORY_ORDER);
        List<Violation> generations = Checks.of(timeline.with(view), Rule.GENERATION_ORDER);

        assertThat(order).singleElement().satisfies(v -> {
            assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.TAGS));
            assertThat(v.message()).contains("items[0]").contains("newest first");
        });
        assertThat(generations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("items[0] has generation 1, below items[1]'s 4"));
    }

    private static FixtureRecord moveStable(TagEvent next, TagEvent previous, Instant at) {
        return new FixtureRecord(
                Source.TAG_EVENTS,
                STABLE,
                at,
                Avro.tagEvent(TagEventKind.Moved, STABLE, next, previous, null, "r5", at));
    }
}
