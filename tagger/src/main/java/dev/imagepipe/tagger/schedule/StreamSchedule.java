package dev.imagepipe.tagger.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a scheduled stream is next imported (Avro {@code TagSchedule}, copied onto each of its scheduled tags).
 *
 * @param nextImportDue when the next scheduled import is due
 * @param deferredSince when a due import was first deferred because the budget was spent; empty if not deferred
 */
public record StreamSchedule(Instant nextImportDue, Optional<Instant> deferredSince) {

    public StreamSchedule {
        Objects.requireNonNull(nextImportDue, "nextImportDue");
        Objects.requireNonNull(deferredSince, "deferredSince");
    }

    public static StreamSchedule dueAt(Instant due) {
        return new StreamSchedule(due, Optional.empty());
    }

    public boolean deferred() {
        return deferredSince.isPresent();
    }

    public boolean isDue(Instant now) {
        return !nextImportDue.isAfter(now);
    }
}
