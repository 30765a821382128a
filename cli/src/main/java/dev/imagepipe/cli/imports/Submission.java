package dev.imagepipe.cli.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the CLI stamps on a request it submits: the event time every derived time uses, and the uid the result is
 * matched by when waiting.
 *
 * @param requestedAt the request's event time
 * @param uid the request's {@code metadata.uid}, unless the document brings its own
 */
public record Submission(Instant requestedAt, String uid) {

    public Submission {
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(uid, "uid");
    }

    /** Now, with a fresh random uid. */
    public static Submission now(Clock clock) {
        return new Submission(clock.instant(), UUID.randomUUID().toString());
    }
}
