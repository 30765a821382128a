package dev.imagepipe.tagger.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a signature's state (SignatureCondition, A14.6).
 *
 * @param type which condition
 * @param status its status
 * @param lastProbeTime when it was last checked
 * @param lastTransitionTime when its status last changed
 * @param reason a brief CamelCase reason, see {@link VerdictReason}
 * @param message human-readable details
 */
public record SignatureCondition(
        ConditionType type,
        ConditionStatus status,
        Instant lastProbeTime,
        Instant lastTransitionTime,
        String reason,
        String message) {

    public SignatureCondition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastProbeTime, "lastProbeTime");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
