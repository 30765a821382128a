package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on a tag's history (Avro {@code TagEventCondition}); imports only ever write
 * {@code ImportSuccess=False} conditions, and clear them on success (A11.5, A11.7).
 *
 * @param type the condition type; only {@link Type#IMPORT_SUCCESS} exists
 * @param status whether the condition holds
 * @param lastTransitionTime event time of the import that set it
 * @param reason machine-readable reason, an {@code ImportFailureReason} symbol such as {@code NotFound}
 * @param message human-readable details
 * @param generation the spec tag generation the import was performed for (A11.8)
 */
public record TagCondition(
        Type type,
        Status status,
        Optional<Instant> lastTransitionTime,
        Optional<String> reason,
        Optional<String> message,
        long generation) {

    /** What OpenShift writes when a failed import carried no message (rest.go {@code checkImportFailure}). */
    public static final String UNKNOWN_ERROR_MESSAGE = "unknown error prevented import";

    public enum Type {
        IMPORT_SUCCESS
    }

    public enum Status {
        TRUE,
        FALSE,
        UNKNOWN
    }

    public TagCondition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The {@code ImportSuccess=False} condition of a failed import (A11.7); a blank message gets the default. */
    public static TagCondition importFailed(String reason, Optional<String> message, long generation, Instant now) {
        String text = message.filter(m -> !m.isBlank()).orElse(UNKNOWN_ERROR_MESSAGE);
        return new TagCondition(
                Type.IMPORT_SUCCESS,
                Status.FALSE,
                Optional.of(now),
                Optional.of(reason),
                Optional.of(text),
                generation);
    }

    /** Whether this records a failed import. */
    public boolean isImportFailure() {
        return type == Type.IMPORT_SUCCESS && status == Status.FALSE;
    }

    /**
     * Whether {@code other} says the same thing: type, status, reason and message equal; time and generation ignored,
     * so a repeated identical failure changes nothing (A11.7, BZ 1788700 added the message).
     */
    public boolean sameOutcome(TagCondition other) {
        return type == other.type
                && status == other.status
                && reason.equals(other.reason)
                && message.equals(other.message);
    }
}
