package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.Window;
import java.util.ArrayList;
import java.util.List;

/** Every finding of a replay over fixture records: the per-record checks and the whole-log checks. */
final class Checks {

    private Checks() {}

    static List<Violation> of(List<FixtureRecord> records) {
        InMemoryLog log = InMemoryLog.of(records);
        List<Violation> all = new ArrayList<>(log.collector().violations());
        all.addAll(Invariants.check(log.log(), KnownTimeline.POLICY, Window.ALL));
        return all;
    }

    static List<Violation> of(List<FixtureRecord> records, Rule rule) {
        return of(records).stream().filter(v -> v.rule() == rule).toList();
    }
}
