package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.Position;
import java.time.Instant;
import java.util.Objects;

/**
 * A record involved in a violation.
 *
 * @param position where it is
 * @param key its key
 * @param timestamp its timestamp
 * @param summary what in it matters here, in a few words (never a credential found in it)
 */
public record Evidence(Position position, String key, Instant timestamp, String summary) {

    public Evidence {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(summary, "summary");
    }

    /** Evidence from a read record. */
    public static Evidence of(Logged<?> record, String summary) {
        return new Evidence(record.position(), record.key(), record.timestamp(), summary);
    }
}
