package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole-log checks over a replay: {@link ImagesExist}, {@link HistoryOrder}, {@link OneResultPerRequest},
 * {@link SignaturesReverify} and, when the replay read to the end of the log, {@link Projections} (a replay cut at
 * {@code --until} holds histories as they stood then, while compacted topics may only keep a later state).
 */
public final class Invariants {

    private Invariants() {}

    /**
     * The violations in {@code log} whose offending record lies in {@code window}, in report order.
     *
     * @param policyName the policy whose trusted keys the tagger applies
     */
    public static List<Violation> check(AuditLog log, String policyName, Window window) {
        List<Violation> all = new ArrayList<>();
        all.addAll(ImagesExist.check(log));
        all.addAll(HistoryOrder.check(log));
        all.addAll(OneResultPerRequest.check(log));
        all.addAll(SignaturesReverify.check(log, policyName));
        if (comparesProjections(window)) {
            all.addAll(Projections.check(log));
        }
        return inWindow(all, window);
    }

    /** Whether the projections are compared for a replay of {@code window}. */
    public static boolean comparesProjections(Window window) {
        return window.until().isEmpty();
    }

    /** {@code violations} whose offending record lies in {@code window}, in report order. */
    public static List<Violation> inWindow(List<Violation> violations, Window window) {
        return violations.stream()
                .filter(v -> window.reports(v.primary().timestamp()))
                .sorted(Violation.ORDER)
                .toList();
    }
}
