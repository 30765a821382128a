package dev.imagepipe.importer.registry;

/**
 * The closed set of reasons an import of one image fails, as users see them in status (STYLE.md convention 5). Each
 * carries the HTTP-like code reported beside it, as OpenShift's {@code metav1.Status} does.
 */
public enum FailureReason {
    /** The repository, tag, digest or blob does not exist (registry NAME_UNKNOWN, MANIFEST_UNKNOWN, 404). */
    NOT_FOUND("NotFound", 404),
    /** The registry wants credentials we do not have, or rejected the ones we sent (401). */
    UNAUTHORIZED("Unauthorized", 401),
    /** The registry refused an authenticated request (403, DENIED). */
    FORBIDDEN("Forbidden", 403),
    /** The registry throttled us (429, TOOMANYREQUESTS) and retries did not get through. */
    RATE_LIMITED("RateLimited", 429),
    /** The registry is down, answered 5xx, reset the connection or is not a v2 registry. */
    REGISTRY_UNAVAILABLE("RegistryUnavailable", 503),
    /** Content did not hash to its digest, or a body broke its size cap or format. */
    INTEGRITY_MISMATCH("IntegrityMismatch", 500),
    /** The manifest's media type is none we understand. */
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    /** Policy blocks this registry, or refuses its address (SSRF guard). */
    BLOCKED("Blocked", 403),
    /** The registry is not in {@code allowedRegistriesForImport}. */
    NOT_ALLOWED("NotAllowed", 403),
    /** The image reference does not parse. */
    INVALID_REFERENCE("InvalidReference", 422),
    /** The registry did not answer within the timeout. */
    TIMEOUT("Timeout", 504),
    /** The request broke a validation rule other than a reference that does not parse (A2.3). */
    INVALID("Invalid", 422),
    /** The import produced neither an image nor an error (A10's guard); never expected, reported rather than lost. */
    UNKNOWN("Unknown", 500);

    private final String statusReason;
    private final int code;

    FailureReason(String statusReason, int code) {
        this.statusReason = statusReason;
        this.code = code;
    }

    /** The reason as written in status ({@code NotFound}, {@code RateLimited}, ...): the Avro enum's symbol. */
    public String statusReason() {
        return statusReason;
    }

    /** The HTTP-like status code reported with the reason. */
    public int code() {
        return code;
    }
}
