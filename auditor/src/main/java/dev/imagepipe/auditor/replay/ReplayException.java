package dev.imagepipe.auditor.replay;

/** A replay that could not read the log: broker unreachable, or no progress for too long. */
public final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReplayException(String message) {
        super(message);
    }
}
