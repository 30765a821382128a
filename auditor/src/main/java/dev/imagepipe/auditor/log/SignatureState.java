package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One condition of a signature ({@code Trusted}, {@code ForImage}, ...), as the tagger last wrote it.
 *
 * @param type the condition type
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastProbeTime when the tagger last verified; the time the keys in force are looked up for
 * @param reason why, e.g. {@code Verified}, {@code UntrustedKey}
 * @param message details
 */
public record SignatureState(
        String type,
        String status,
        Optional<Instant> lastProbeTime,
        Optional<String> reason,
        Optional<String> message) {

    /** The condition that says whether a trusted key vouched for the signature (A14.6). */
    public static final String TRUSTED = "Trusted";

    public SignatureState {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastProbeTime, "lastProbeTime");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
