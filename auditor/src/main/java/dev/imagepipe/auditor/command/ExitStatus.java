package dev.imagepipe.auditor.command;

/** Exit statuses of the audit commands, in line with the {@code imagepipe} command's. */
public final class ExitStatus {

    /** The log kept every invariant; {@code at}: the tag pointed at an image then. */
    public static final int OK = 0;

    /** Violations found; {@code at}: the tag pointed at no image then. */
    public static final int FINDINGS = 1;

    /** The command could not do its job: bad arguments, or the log could not be read. */
    public static final int ERROR = 2;

    private ExitStatus() {}
}
