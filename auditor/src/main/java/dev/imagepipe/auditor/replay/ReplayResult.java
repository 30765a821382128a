package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.AuditLog;
import java.util.List;
import java.util.Map;

/**
 * What a replay read.
 *
 * @param log the decoded records inside the window's end
 * @param recordViolations what the per-record checks found while reading (undecodable records, manifest digests,
 *     credentials), not yet cut to the window's start
 * @param recordsRead records read per topic, including those after the window's end
 * @param missingTopics topics that do not exist, read as empty
 */
public record ReplayResult(
        AuditLog log, List<Violation> recordViolations, Map<String, Long> recordsRead, List<String> missingTopics) {

    public ReplayResult {
        recordViolations = List.copyOf(recordViolations);
        recordsRead = Map.copyOf(recordsRead);
        missingTopics = List.copyOf(missingTopics);
    }

    /** Records read in all. */
    public long total() {
        return recordsRead.values().stream().mapToLong(Long::longValue).sum();
    }
}
