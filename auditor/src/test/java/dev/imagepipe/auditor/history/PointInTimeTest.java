package dev.imagepipe.auditor.history;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.MIRROR;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T0;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.ObservationEntry;
import dev.imagepipe.auditor.log.SignatureState;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointInTimeTest {

    private static final TagKey STABLE = TagKey.parse(KnownTimeline.STABLE);

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void answersNoImageBeforeTheFirstImport() {
        PointInTimeAnswer answer = PointInTime.answer(log(timeline.records()), STABLE, T0);

        assertThat(answer.state().current()).isEmpty();
        assertThat(answer.sourceMatch()).isEqualTo(PointInTimeAnswer.SourceMatch.NONE);
        assertThat(answer.signatures()).isEmpty();
    }

    @Test
    void namesTheMirrorTheImageCameFromInTheRequestThatSetIt() {
        PointInTimeAnswer answer = PointInTime.answer(log(timeline.records()), STABLE, T2.minusSeconds(1));

        assertThat(answer.state().current()).map(TagPoint::image).hasValue(D1);
        assertThat(answer.sourceMatch()).isEqualTo(PointInTimeAnswer.SourceMatch.REQUEST);
        assertThat(answer.sources()).singleElement().satisfies(o -> {
            assertThat(o.get().pullSource()).isEqualTo(MIRROR);
            assertThat(o.get().viaMirror()).isTrue();
            assertThat(o.get().requestUid()).hasValue("r1");
        });
    }

    @Test
    void givesTheSignatureVerdictsAsTheyStoodThen() {
        ImageSignature revoked =
                Avro.signature(D2, timeline.release(), REPOSITORY + "@" + D2, ConditionStatus.False, "KeyExpired", T3);
        var later = new FixtureRecord(Source.SIGNATURES, revoked.getMetadata().getName(), T3, revoked);
        AuditLog log = log(timeline.with(later));

        PointInTimeAnswer atT2 = PointInTime.answer(log, STABLE, T2);
        PointInTimeAnswer atT3 = PointInTime.answer(log, STABLE, T3);

        assertThat(atT2.signatures()).singleElement().satisfies(s -> assertThat(
                        s.get().trusted())
                .map(SignatureState::status)
                .hasValue("True"));
        assertThat(atT3.signatures()).hasSize(2);
        assertThat(atT3.signatures())
                .filteredOn(s -> s.key().equals(revoked.getMetadata().getName()))
                .singleElement()
                .satisfies(s -> assertThat(s.get().trusted())
                        .flatMap(SignatureState::reason)
                        .hasValue("KeyExpired"));
    }

    @Test
    void fallsBackToLookupsOfTheDigestWhenTheRequestsLookupsAreGone() {
        List<FixtureRecord> withoutR1Lookups = timeline.records().stream()
                .filter(r -> r.source() != Source.OBSERVATIONS || !r.timestamp().equals(T1))
                .toList();
        var older = new FixtureRecord(
                Source.OBSERVATIONS, REPOSITORY, T0, Avro.observation(REPOSITORY, "v1", D1, REPOSITORY, "r0", T0));
        List<FixtureRecord> records = new ArrayList<>(withoutR1Lookups);
        records.add(older);

        PointInTimeAnswer answer = PointInTime.answer(log(records), STABLE, T1);

        assertThat(answer.sourceMatch()).isEqualTo(PointInTimeAnswer.SourceMatch.DIGEST);
        assertThat(answer.sources())
                .extracting(o -> o.get().requestUid().orElseThrow())
                .containsExactly("r0");
        assertThat(answer.sources())
                .extracting(o -> o.get())
                .extracting(ObservationEntry::tag)
                .containsExactly(Optional.of("v1"));
    }

    private static AuditLog log(List<FixtureRecord> records) {
        return InMemoryLog.of(records).log();
    }
}
