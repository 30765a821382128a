package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The time window of a replay, on record timestamps. Records after {@code until} are not read at all: the replay sees
 * the log as it stood then. Records before {@code since} still build state (images, policies, tag histories) but
 * findings are reported only for records inside the window.
 *
 * @param since first instant reported, inclusive; empty: from the beginning
 * @param until last instant read, inclusive; empty: to the end of the log
 */
public record Window(Optional<Instant> since, Optional<Instant> until) {

    /** The whole log. */
    public static final Window ALL = new Window(Optional.empty(), Optional.empty());

    public Window {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            throw new IllegalArgumentException("--since " + since.get() + " is after --until " + until.get());
        }
    }

    /** Whether a record stamped {@code timestamp} is read. */
    public boolean reads(Instant timestamp) {
        return until.map(u -> !timestamp.isAfter(u)).orElse(true);
    }

    /** Whether a finding about a record stamped {@code timestamp} is reported. */
    public boolean reports(Instant timestamp) {
        return reads(timestamp) && since.map(s -> !timestamp.isBefore(s)).orElse(true);
    }
}
