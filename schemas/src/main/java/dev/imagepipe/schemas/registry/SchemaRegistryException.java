package dev.imagepipe.schemas.registry;

/**
 * A failed schema registry call: the registry answered with an error, answered with something unreadable, or
 * could not be reached.
 *
 * <p>{@link #status()} is the HTTP status ({@link #NO_STATUS} when there was no response) and {@link
 * #errorCode()} the registry's {@code error_code} ({@link #NO_ERROR_CODE} when the body had none). Messages name
 * the registry URL with any user info removed; they never contain credentials.
 */
public final class SchemaRegistryException extends RuntimeException {

    /** Status when no HTTP response arrived: connection refused, timeout, interrupted. */
    public static final int NO_STATUS = 0;

    /** Error code when the response carried no Confluent {@code error_code}. */
    public static final int NO_ERROR_CODE = -1;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or {@link #NO_STATUS} when the registry did not answer. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether trying again later may succeed: no answer at all, or a 5xx answer. */
    public boolean isTransient() {
        return status == NO_STATUS || status >= 500;
    }
}
