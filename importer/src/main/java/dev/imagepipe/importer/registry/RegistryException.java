package dev.imagepipe.importer.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure talking to a registry, typed so callers decide without parsing messages: the user-facing {@link
 * #reason()}, the HTTP status (0 when there was no response), the registry's error codes ({@code MANIFEST_UNKNOWN},
 * {@code TOOMANYREQUESTS}, ...), whether retrying may help, and how long the registry asked us to wait.
 *
 * <p>Messages name the registry and repository but never a credential, token or {@code Authorization} value.
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final int status;
    private final List<String> errorCodes;
    private final boolean transientFailure;
    private final transient Duration retryAfter;

    public RegistryException(
            FailureReason reason,
            String message,
            int status,
            List<String> errorCodes,
            boolean transientFailure,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.errorCodes = List.copyOf(errorCodes);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** A permanent failure with no HTTP response behind it (policy, parsing, integrity). */
    public RegistryException(FailureReason reason, String message) {
        this(reason, message, 0, List.of(), false, null, null);
    }

    /** The reason users see in status. */
    public FailureReason reason() {
        return reason;
    }

    /** The HTTP status of the failing response, or 0 when none was received. */
    public int status() {
        return status;
    }

    /** The registry's error codes from the response body, in order; empty when none. */
    public List<String> errorCodes() {
        return errorCodes;
    }

    /** Whether the same request may succeed if retried (408, 429, 5xx, connection reset, timeout). */
    public boolean isTransient() {
        return transientFailure;
    }

    /** How long the registry asked us to wait ({@code Retry-After}), when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
