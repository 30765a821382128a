package dev.imagepipe.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.invariant.Invariants;
import dev.imagepipe.auditor.invariant.Rule;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.replay.LogCollector;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {

    private static final HistoryShape SMALL = new HistoryShape(3, 3, 12, 5, 3);

    private static List<HistoryRecord> records(HistoryShape shape) {
        List<HistoryRecord> records = new ArrayList<>();
        new SyntheticHistory(shape).forEach(records::add);
        return records;
    }

    /** The auditor's checks over {@code records}, numbered per topic as one partition each would hold them. */
    private static List<Violation> audit(List<HistoryRecord> records) {
        LogCollector collector = new LogCollector();
        Map<Source, Long> offsets = new EnumMap<>(Source.class);
        for (HistoryRecord record : records) {
            long offset = offsets.merge(record.source(), 1L, Long::sum) - 1;
            collector.add(
                    record.source(),
                    new Position(record.source().name(), 0, offset),
                    record.timestamp(),
                    record.key(),
                    record.value());
        }
        AuditLog log = collector.log();
        List<Violation> violations = new ArrayList<>(Invariants.check(log, SyntheticHistory.POLICY, Window.ALL));
        violations.addAll(collector.violations());
        return violations;
    }

    @Test
    void passesEveryInvariantTheAuditorChecks() {
        List<Violation> violations = audit(records(SMALL));

        assertThat(violations).extracting(Violation::message).isEmpty();
    }

    @Test
    void holdsEveryKindOfTagChangeAndTrustedSignatures() {
        List<HistoryRecord> records = records(SMALL);

        assertThat(records)
                .filteredOn(r -> r.source() == Source.TAG_EVENTS)
                .extracting(r -> ((TagEventRecord) r.value()).getKind())
                .contains(TagEventKind.Added, TagEventKind.Moved, TagEventKind.ImportFailed, TagEventKind.Recovered);
        assertThat(records).filteredOn(r -> r.source() == Source.SIGNATURES).isNotEmpty();
        assertThat(records).filteredOn(r -> r.source() == Source.POLICY).hasSize(1);
    }

    @Test
    void anAuditOfItSeesARecordGoneMissing() {
        List<HistoryRecord> records = new ArrayList<>(records(SMALL));
        Predicate<HistoryRecord> firstImage = r -> r.source() == Source.IMAGES;
        records.remove(records.stream().filter(firstImage).findFirst().orElseThrow());

        assertThat(audit(records)).extracting(Violation::rule).contains(Rule.IMAGE_EXISTS);
    }

    @Test
    void countsWhatItWrites() {
        assertThat(new SyntheticHistory(SMALL).count()).isEqualTo(records(SMALL).size());
    }

    @Test
    void aShapeForATargetComesWithinOneStreamOfIt() {
        HistoryShape shape = HistoryShape.ofAbout(10_000);
        long perStream = new SyntheticHistory(new HistoryShape(
                                1, shape.tagsPerStream(), shape.importsPerTag(), shape.failEvery(), shape.signEvery()))
                        .count()
                - 1;

        assertThat(new SyntheticHistory(shape).count()).isBetween(10_000 - perStream, 10_000 + perStream);
    }
}
