package dev.imagepipe.cli.service;

import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The flag map {@link ImporterConfigLoader} reads, assembled from a command's options.
 *
 * <p>In: the user's {@code --set key=value} pairs (names as in {@link ConfigKey}, or {@code kafka.<property>}), values
 * a command fixes itself (connection flags, or {@code imagepipe up}'s embedded broker), defaults a command prefers to
 * the importer's own, and an optional properties file. Out: {@link #toMap()}, the highest-precedence source of the
 * loader, above the environment and the file. Unknown keys are left for the loader to report, so every setting problem
 * is named in one place.
 */
public final class ImporterFlags {

    private final Map<String, String> flags;
    private final List<String> problems = new ArrayList<>();

    private ImporterFlags(Map<String, String> settings) {
        this.flags = new LinkedHashMap<>(settings);
    }

    /** Starts from the user's {@code --set} pairs. */
    public static ImporterFlags of(Map<String, String> settings) {
        return new ImporterFlags(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Sets {@code key} to {@code value}; a {@code --set} of the same key to another value is a problem, since one of
     * the two would otherwise be silently ignored.
     *
     * @param origin names where the value comes from in the message, e.g. {@code --bootstrap-server}
     */
    public ImporterFlags fixed(ConfigKey key, String value, String origin) {
        String given = flags.get(key.key());
        if (given != null && !given.strip().equals(value)) {
            problems.add("--set " + key.key() + "=" + given + " conflicts with " + origin + " (" + value + ")");
        } else {
            flags.put(key.key(), value);
        }
        return this;
    }

    /** Sets {@code key} to {@code value} unless a {@code --set} names it. */
    public ImporterFlags defaulted(ConfigKey key, String value) {
        flags.putIfAbsent(key.key(), value);
        return this;
    }

    /** Names the properties file, the lowest-precedence source. */
    public ImporterFlags configFile(Path file) {
        return fixed(ImporterConfigLoader.CONFIG_FILE_KEY, file.toString(), "--config");
    }

    private ImporterFlags fixed(String key, String value, String origin) {
        if (flags.containsKey(key)) {
            problems.add("--set " + key + " conflicts with " + origin + "; give the file once");
        } else {
            flags.put(key, value);
        }
        return this;
    }

    /**
     * The flags for {@link ImporterConfigLoader#load(Map, Map)}.
     *
     * @throws ConfigException naming every conflict found
     */
    public Map<String, String> toMap() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return Map.copyOf(flags);
    }
}
