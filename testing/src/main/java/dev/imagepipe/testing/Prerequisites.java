package dev.imagepipe.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.TestAbortedException;

/**
 * What a test environment needs from the machine, and the rule for when it is missing: locally the tests are skipped
 * with a loud message naming what to install; on CI ({@code CI=true}) they fail, so a missing tool never turns a CI run
 * silently green.
 */
public final class Prerequisites {

    /** Set to {@code true} by every mainstream CI service (GitHub Actions, GitLab, Jenkins plugins). */
    static final String CI_VARIABLE = "CI";

    private Prerequisites() {}

    /** Whether this run is on CI, where missing prerequisites fail instead of skipping. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv(CI_VARIABLE));
    }

    /**
     * The reaction to a missing prerequisite: on CI an {@link IllegalStateException} to throw (tests fail); locally a
     * {@link TestAbortedException} (tests skipped) after printing a banner to stderr.
     *
     * @param what what is missing, e.g. "a container registry"
     * @param install how to get it, e.g. "apt-get install docker-registry"
     */
    public static RuntimeException missing(String what, String install) {
        String message = message(what, install);
        if (onCi()) {
            return new IllegalStateException(message + " (CI=true: failing instead of skipping)");
        }
        shout(message);
        return new TestAbortedException(message);
    }

    /**
     * The same rule as an execution condition, for extensions that know before a class runs that it cannot: locally
     * the class is disabled (reported as skipped) after the banner; on CI it stays enabled so its set-up fails.
     */
    public static ConditionEvaluationResult disabledUnlessOnCi(String what, String install) {
        String message = message(what, install);
        if (onCi()) {
            return ConditionEvaluationResult.enabled(message + " (CI=true: set-up will fail)");
        }
        shout(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static String message(String what, String install) {
        return "imagepipe tests need " + what + ". Install it: " + install;
    }

    private static void shout(String message) {
        // stderr, not a logger: the consumer's test logging may be off, and this must be seen.
        System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPING: " + message + "\n" + "!".repeat(100) + "\n");
    }

    /** The named executable on {@code PATH} or at an absolute path, if present and executable. */
    public static Optional<Path> executable(String name) {
        Path direct = Path.of(name);
        if (direct.isAbsolute()) {
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve(name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The named executable, or the missing-prerequisite reaction thrown. */
    public static Path requireExecutable(String name, String install) {
        return executable(name).orElseThrow(() -> missing("the '" + name + "' executable", install));
    }
}
