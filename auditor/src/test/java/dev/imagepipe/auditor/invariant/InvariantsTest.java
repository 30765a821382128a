package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.log.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void aCleanHistoryKeepsEveryInvariant() {
        InMemoryLog log = InMemoryLog.of(timeline.records());

        assertThat(log.collector().violations()).isEmpty();
        assertThat(Invariants.check(log.log(), POLICY, Window.ALL)).isEmpty();
    }

    @Test
    void reportsOnlyViolationsWhoseOffendingRecordIsInsideTheWindow() {
        Evidence early = new Evidence(new Position("t", 0, 1), "k", KnownTimeline.T1, "early");
        Evidence late = new Evidence(new Position("t", 0, 2), "k", KnownTimeline.T3, "late");
        var violations = List.of(
                Violation.of(Rule.HISTORY_ORDER, "late", late), Violation.of(Rule.HISTORY_ORDER, "early", early));

        var since = new Window(Optional.of(KnownTimeline.T2), Optional.empty());

        assertThat(Invariants.inWindow(violations, since))
                .extracting(Violation::message)
                .containsExactly("late");
        assertThat(Invariants.inWindow(violations, Window.ALL))
                .extracting(Violation::message)
                .containsExactly("early", "late");
    }

    @Test
    void comparesProjectionsOnlyWhenTheReplayReadsToTheEnd() {
        assertThat(Invariants.comparesProjections(Window.ALL)).isTrue();
        assertThat(Invariants.comparesProjections(new Window(Optional.empty(), Optional.of(Instant.EPOCH))))
                .isFalse();
    }
}
