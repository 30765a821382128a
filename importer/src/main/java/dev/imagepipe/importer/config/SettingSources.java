package dev.imagepipe.importer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where settings come from, in precedence order: flags, then the environment, then the properties file. Finds each
 * setting in the first source that has it, and merges the Kafka properties passed through by all three. App-neutral:
 * every app looks up its own {@link SettingKey}s here.
 */
public final class SettingSources {

    /** Flags and properties-file keys with this prefix are Kafka properties, passed through without it. */
    static final String KAFKA_KEY_PREFIX = "kafka.";

    /** Environment variables with this prefix are Kafka properties: {@code KAFKA_MAX_POLL_RECORDS}. */
    static final String KAFKA_ENV_PREFIX = "KAFKA_";

    /**
     * Variables Kafka's own launch scripts read; a container image built on a Kafka image may carry them, and they are
     * no client properties.
     */
    static final Set<String> KAFKA_LAUNCHER_VARIABLES = Set.of(
            "KAFKA_HEAP_OPTS",
            "KAFKA_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_DEBUG");

    /** A setting's raw value and where it was found, for messages. */
    public record Setting(String value, String origin) {}

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;

    /**
     * @param file the properties file's entries; empty without a file
     * @param fileName names the file in messages
     */
    public SettingSources(
            Map<String, String> flags, Map<String, String> environment, Map<String, String> file, String fileName) {
        this.flags = Map.copyOf(flags);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
        this.fileName = fileName;
    }

    /** The setting from the first source that names it. */
    public Optional<Setting> find(SettingKey key) {
        if (flags.containsKey(key.key())) {
            return Optional.of(new Setting(flags.get(key.key()), "flag " + key.key()));
        }
        if (environment.containsKey(key.envName())) {
            return Optional.of(new Setting(environment.get(key.envName()), key.envName()));
        }
        if (file.containsKey(key.key())) {
            return Optional.of(new Setting(file.get(key.key()), fileName + ": " + key.key()));
        }
        return Optional.empty();
    }

    /** How a user sets {@code key}, for the message about a missing setting. */
    public String waysToSet(SettingKey key) {
        return "flag " + key.key() + ", " + key.envName() + " or " + key.key() + " in the properties file";
    }

    /** The passed-through Kafka properties; for a property set in several sources, the one of highest precedence. */
    public Map<String, String> kafkaProperties() {
        Map<String, String> merged = new TreeMap<>();
        prefixed(file).forEach(merged::put);
        environment.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX) && !KAFKA_LAUNCHER_VARIABLES.contains(name)) {
                merged.put(kafkaPropertyName(name.substring(KAFKA_ENV_PREFIX.length())), value);
            }
        });
        prefixed(flags).forEach(merged::put);
        return merged;
    }

    private static Map<String, String> prefixed(Map<String, String> source) {
        Map<String, String> result = new TreeMap<>();
        source.forEach((key, value) -> {
            if (key.startsWith(KAFKA_KEY_PREFIX) && key.length() > KAFKA_KEY_PREFIX.length()) {
                result.put(key.substring(KAFKA_KEY_PREFIX.length()), value);
            }
        });
        return result;
    }

    /**
     * The property an environment variable's name stands for, by the convention of Confluent's images: lower case,
     * {@code _} is {@code .}, {@code __} is {@code _}, {@code ___} is {@code -} ({@code SASL_JAAS_CONFIG} is {@code
     * sasl.jaas.config}).
     */
    static String kafkaPropertyName(String envSuffix) {
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < envSuffix.length()) {
            char c = envSuffix.charAt(i);
            if (c != '_') {
                name.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            int run = 0;
            while (i < envSuffix.length() && envSuffix.charAt(i) == '_') {
                run++;
                i++;
            }
            name.append(
                    switch (run) {
                        case 1 -> ".";
                        case 2 -> "_";
                        default -> "-";
                    });
        }
        return name.toString();
    }

    /**
     * Keys in flags or the file that name no setting: most likely typos, which would otherwise silently leave a
     * default in place. Unknown {@code IMAGEPIPE_*} variables are not reported: a shared environment file may carry
     * other apps' settings.
     *
     * @param known whether a key names a setting of the app (Kafka properties, {@code kafka.*}, always do)
     */
    public List<String> unknownKeys(Predicate<String> known) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(flags)
                .keySet().stream()
                        .filter(key -> isUnknown(key, known))
                        .forEach(key -> problems.add("flag " + key + ": unknown setting"));
        new TreeMap<>(file)
                .keySet().stream()
                        .filter(key -> isUnknown(key, known))
                        .forEach(key -> problems.add(fileName + ": " + key + ": unknown setting"));
        return problems;
    }

    private static boolean isUnknown(String key, Predicate<String> known) {
        return !key.startsWith(KAFKA_KEY_PREFIX) && !known.test(key);
    }
}
