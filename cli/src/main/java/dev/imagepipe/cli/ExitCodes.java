package dev.imagepipe.cli;

/** The exit statuses scripts can rely on. */
final class ExitCodes {

    /** Done; for {@code import --wait}, every image imported. */
    static final int OK = 0;

    /** The command ran but its subject failed: an image did not import, a policy does not exist. */
    static final int FAILED = 1;

    /** The command could not do its job: bad flags or documents (picocli's own usage code), or a timeout. */
    static final int USAGE_OR_TIMEOUT = 2;

    private ExitCodes() {}
}
