package dev.imagepipe.auditor.report;

import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.invariant.Invariants;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports over fixture records, as {@code audit replay} would build them. */
final class Reports {

    static final Instant GENERATED = Instant.parse("2024-04-01T00:00:00Z");

    private Reports() {}

    static AuditReport of(List<FixtureRecord> records) {
        InMemoryLog log = InMemoryLog.of(records);
        List<Violation> violations = new ArrayList<>(log.collector().violations());
        violations.addAll(Invariants.check(log.log(), KnownTimeline.POLICY, Window.ALL));
        violations.sort(Violation.ORDER);
        return new AuditReport(
                GENERATED,
                Window.ALL,
                Map.of("imagepipe.tag.events", (long) log.log().tagEvents().size()),
                List.of(),
                true,
                violations,
                log.log());
    }
}
