package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.ImportResultEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagEventEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Rule#ONE_RESULT_PER_REQUEST}: {@code import.results} answers each request ({@code metadata.uid}, decision
 * 12) once. Two results with one uid are a violation at the second. A tag change made by a request with no result is
 * one too, but only when the change is no older than the oldest result still in the log: {@code import.results}
 * keeps a week, {@code tag.events} forever, so older results are expected to be gone. Results without a uid cannot be
 * matched and are left alone.
 */
public final class OneResultPerRequest {

    private OneResultPerRequest() {}

    public static List<Violation> check(AuditLog log) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Logged<ImportResultEntry>> first = new LinkedHashMap<>();
        Optional<Instant> oldest = Optional.empty();
        for (Logged<ImportResultEntry> record : log.importResults()) {
            if (record.value().isEmpty()) {
                continue;
            }
            oldest = oldest.filter(o -> o.isBefore(record.timestamp())).or(() -> Optional.of(record.timestamp()));
            Optional<String> uid = record.get().uid();
            if (uid.isEmpty()) {
                continue;
            }
            Logged<ImportResultEntry> earlier = first.putIfAbsent(uid.get(), record);
            if (earlier != null) {
                violations.add(Violation.of(
                        Rule.ONE_RESULT_PER_REQUEST,
                        "request " + uid.get() + " for " + record.key() + " has a second result",
                        Evidence.of(record, "result for request " + uid.get()),
                        Evidence.of(earlier, "first result for request " + uid.get())));
            }
        }
        if (oldest.isPresent()) {
            missingResults(log, first, oldest.get(), violations);
        }
        return violations;
    }

    private static void missingResults(
            AuditLog log, Map<String, Logged<ImportResultEntry>> results, Instant oldest, List<Violation> violations) {
        for (Logged<TagEventEntry> record : log.tagEvents()) {
            if (record.value().isEmpty() || record.timestamp().isBefore(oldest)) {
                continue;
            }
            TagEventEntry event = record.get();
            event.requestUid()
                    .filter(uid -> !results.containsKey(uid))
                    .ifPresent(uid -> violations.add(Violation.of(
                            Rule.ONE_RESULT_PER_REQUEST,
                            event.tag() + " changed (" + event.kind() + ") by request " + uid
                                    + ", which has no result in import.results",
                            Evidence.of(record, event.kind() + " " + event.tag() + " by request " + uid))));
        }
    }
}
