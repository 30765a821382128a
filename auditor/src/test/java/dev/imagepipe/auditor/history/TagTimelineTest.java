package dev.imagepipe.auditor.history;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.TagEventKind;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class TagTimelineTest {

    private static final TagKey STABLE = TagKey.parse(KnownTimeline.STABLE);
    private static final TagKey LATEST = TagKey.parse(KnownTimeline.LATEST);

    private final KnownTimeline timeline = KnownTimeline.create();

    private SortedMap<TagKey, TagTimeline> rebuild(FixtureRecord... more) {
        return TagHistories.rebuild(InMemoryLog.of(timeline.with(more)).log().tagEvents());
    }

    @Test
    void rebuildsEachTagsHistoryNewestFirst() {
        SortedMap<TagKey, TagTimeline> histories = rebuild();

        assertThat(histories).containsOnlyKeys(LATEST, STABLE);
        TagState stable = histories.get(STABLE).state();
        assertThat(stable.items()).extracting(TagPoint::image).containsExactly(D2, D1);
        assertThat(stable.items().getFirst().generation()).isEqualTo(4);
        assertThat(stable.failure()).isEmpty();
        assertThat(stable.decidedBy())
                .hasValueSatisfying(e -> assertThat(e.position().offset()).isEqualTo(2));
        assertThat(histories.get(LATEST).state().current()).map(TagPoint::image).hasValue(D3);
    }

    @Test
    void answersWhatTheTagWasAtEachPointOfItsHistory() {
        TagTimeline stable = rebuild().get(STABLE);

        assertThat(stable.stateAt(T1.minusMillis(1))).isEqualTo(TagState.NONE);
        assertThat(stable.stateAt(T1).current()).map(TagPoint::image).hasValue(D1);
        assertThat(stable.stateAt(T2.minusMillis(1)).current())
                .map(TagPoint::image)
                .hasValue(D1);
        assertThat(stable.stateAt(T2).current()).map(TagPoint::image).hasValue(D2);
        assertThat(stable.stateAt(T3).failure()).map(TagCondition::describe).hasValue("NotFound: manifest unknown");
        assertThat(stable.stateAt(T3).current()).map(TagPoint::image).hasValue(D2);
        assertThat(stable.stateAt(T4).failure()).isEmpty();
    }

    @Test
    void forgetsADeletedTagsImageAndStartsAfreshWhenItIsAddedAgain() {
        var deleted = new FixtureRecord(
                Source.TAG_EVENTS,
                KnownTimeline.LATEST,
                T4,
                Avro.tagEvent(
                        TagEventKind.Deleted, KnownTimeline.LATEST, null, KnownTimeline.LATEST_D3, null, "r5", T4));
        var added = new FixtureRecord(
                Source.TAG_EVENTS,
                KnownTimeline.LATEST,
                T4.plusSeconds(60),
                Avro.tagEvent(
                        TagEventKind.Added,
                        KnownTimeline.LATEST,
                        Avro.point(T4.plusSeconds(60), KnownTimeline.REPOSITORY, D1, 6),
                        null,
                        null,
                        "r6",
                        T4.plusSeconds(60)));

        TagTimeline latest = rebuild(deleted, added).get(LATEST);

        assertThat(latest.stateAt(T4).deleted()).isTrue();
        assertThat(latest.stateAt(T4).items()).isEmpty();
        assertThat(latest.state().items()).extracting(TagPoint::image).containsExactly(D1);
        assertThat(latest.state().deleted()).isFalse();
    }

    @Test
    void parsesTagKeys() {
        assertThat(TagKey.parse("ns/stream:tag")).isEqualTo(new TagKey("ns", "stream", "tag"));
        assertThat(STABLE.streamKey()).isEqualTo("prod/api");
        for (String bad : new String[] {"stream:tag", "ns/stream", "ns/stream:", "/s:t", "a/b/c:t"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> TagKey.parse(bad));
        }
    }
}
