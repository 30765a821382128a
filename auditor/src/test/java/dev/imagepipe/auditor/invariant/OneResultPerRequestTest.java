package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D2_GEN4;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STREAM;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.TagEventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneResultPerRequestTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void acceptsOneResultPerRequest() {
        assertThat(Checks.of(timeline.records(), Rule.ONE_RESULT_PER_REQUEST)).isEmpty();
    }

    @Test
    void reportsASecondResultForOneRequestAtItsOffset() {
        var again = new FixtureRecord(Source.IMPORT_RESULTS, STREAM, T4, Avro.result(STREAM, "r2", false, T4));

        assertThat(Checks.of(timeline.with(again), Rule.ONE_RESULT_PER_REQUEST))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).isEqualTo("request r2 for prod/api has a second result");
                    assertThat(v.records())
                            .extracting(e -> e.position().offset())
                            .containsExactly(timeline.count(Source.IMPORT_RESULTS), 1L);
                });
    }

    @Test
    void reportsATagChangeByARequestWithoutAResult() {
        var move = new FixtureRecord(
                Source.TAG_EVENTS,
                STABLE,
                T4,
                Avro.tagEvent(
                        TagEventKind.Moved,
                        STABLE,
                        Avro.point(T4, REPOSITORY, KnownTimeline.D3, 5),
                        STABLE_D2_GEN4,
                        null,
                        "ghost",
                        T4));

        assertThat(Checks.of(timeline.with(move), Rule.ONE_RESULT_PER_REQUEST))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("by request ghost, which has no result"));
    }

    @Test
    void expectsNoResultForChangesOlderThanTheOldestResultStillKept() {
        List<FixtureRecord> expired = timeline.records().stream()
                .filter(r -> r.source() != Source.IMPORT_RESULTS
                        || !((ImageStreamImport) r.value())
                                .getMetadata()
                                .getUid()
                                .equals("r1"))
                .toList();

        assertThat(Checks.of(expired, Rule.ONE_RESULT_PER_REQUEST)).isEmpty();
    }

    @Test
    void leavesResultsWithoutAUidAlone() {
        var anonymous = new FixtureRecord(Source.IMPORT_RESULTS, STREAM, T4, Avro.result(STREAM, null, false, T4));

        assertThat(Checks.of(timeline.with(anonymous, anonymous), Rule.ONE_RESULT_PER_REQUEST))
                .isEmpty();
    }
}
