package dev.imagepipe.importer.config;

import java.util.List;

/**
 * Configuration that cannot be used. Each problem names the setting and where it came from ({@code
 * IMAGEPIPE_FETCH_CONCURRENCY: expected a positive integer, got 'x'}); all problems found are reported at once, so one
 * restart fixes them all.
 */
public final class ConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(
                problems.size() == 1
                        ? problems.getFirst()
                        : problems.size() + " configuration problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, in the order the settings are read. */
    public List<String> problems() {
        return problems;
    }
}
