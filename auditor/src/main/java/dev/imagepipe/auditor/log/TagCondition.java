package dev.imagepipe.auditor.log;

import java.util.Objects;
import java.util.Optional;

/**
 * A tag's {@code ImportSuccess} condition (Avro {@code TagEventCondition}).
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason an import failure reason ({@code NotFound}, {@code Unauthorized}, ...), empty if none was given
 * @param message details
 * @param generation the spec tag generation the condition is for
 */
public record TagCondition(String status, Optional<String> reason, Optional<String> message, long generation) {

    public TagCondition {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** Whether this condition says the last import failed. */
    public boolean failing() {
        return "False".equals(status);
    }

    /** {@code reason: message}, for reports. */
    public String describe() {
        return reason.orElse("(no reason)") + message.map(m -> ": " + m).orElse("");
    }
}
