package dev.imagepipe.auditor.report;

import dev.imagepipe.auditor.history.TagHistories;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a replay, ready to render.
 *
 * @param generatedAt when the report was made (wall clock: this is about the report, not the log)
 * @param window the replay's window
 * @param recordsRead records read per topic
 * @param missingTopics topics that did not exist
 * @param projectionsCompared whether {@code tags} and {@code streams} were compared with the rebuilt histories
 * @param violations every finding in the window, in report order
 * @param log what was read, for the timelines
 */
public record AuditReport(
        Instant generatedAt,
        Window window,
        Map<String, Long> recordsRead,
        List<String> missingTopics,
        boolean projectionsCompared,
        List<Violation> violations,
        AuditLog log) {

    public AuditReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(window, "window");
        recordsRead = new TreeMap<>(recordsRead);
        missingTopics = List.copyOf(missingTopics);
        violations = List.copyOf(violations);
        Objects.requireNonNull(log, "log");
    }

    /** Whether the log kept every invariant. */
    public boolean clean() {
        return violations.isEmpty();
    }

    /** Every tag's rebuilt timeline, by tag. */
    public SortedMap<TagKey, TagTimeline> histories() {
        return TagHistories.rebuild(log.tagEvents());
    }

    /** The violations naming {@code tag} as a record key. */
    public List<Violation> violationsOf(TagKey tag) {
        String key = tag.toString();
        return violations.stream()
                .filter(v -> v.records().stream().anyMatch(e -> e.key().equals(key)))
                .toList();
    }

    /** {@code window} in words. */
    public String windowDescription() {
        return window.since().map(s -> "from " + s).orElse("from the beginning") + " "
                + window.until().map(u -> "until " + u).orElse("to the end of the log");
    }
}
