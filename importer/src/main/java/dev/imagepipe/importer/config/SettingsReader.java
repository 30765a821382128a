package dev.imagepipe.importer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads one app's settings from its {@link SettingSources}, collecting every problem instead of stopping at the first;
 * {@link #checked} then reports them all in one {@link ConfigException}. App-neutral: each app's loader asks it for
 * its {@link SettingKey}s with a {@link Parser} and a default.
 *
 * <p>A value is stripped of surrounding blanks. An empty value sets an optional setting to empty (so a flag can switch
 * off what the file sets) and is an error for the rest. A value that does not parse is reported and read as the
 * default, so the config can still be built and the problems reported together.
 */
public final class SettingsReader {

    /** The flag naming the properties file. */
    public static final String CONFIG_FILE_KEY = "config.file";

    /** The environment variable naming the properties file, when no flag does. */
    public static final String CONFIG_FILE_ENV = SettingKey.ENV_PREFIX + "CONFIG_FILE";

    private final SettingSources sources;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(SettingSources sources) {
        this.sources = sources;
    }

    /**
     * A reader over {@code flags}, {@code environment} and, when present, {@code propertiesFile} as the
     * lowest-precedence source.
     *
     * @throws ConfigException when the file cannot be read
     */
    public static SettingsReader of(
            Map<String, String> flags, Map<String, String> environment, Optional<Path> propertiesFile) {
        Map<String, String> fileEntries =
                propertiesFile.map(SettingsReader::read).orElse(Map.of());
        String fileName = propertiesFile.map(Path::toString).orElse("properties file");
        return new SettingsReader(new SettingSources(flags, environment, fileEntries, fileName));
    }

    /** The properties file named by the {@value #CONFIG_FILE_KEY} flag or else {@value #CONFIG_FILE_ENV}, if any. */
    public static Optional<Path> configFile(Map<String, String> flags, Map<String, String> environment) {
        return Optional.ofNullable(flags.get(CONFIG_FILE_KEY))
                .or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_ENV)))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Path::of);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(List.of("config file " + file + " cannot be read: " + e));
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }

    /**
     * Reports keys in flags and the file that name no setting of the app, most likely typos. Call first, so these
     * problems lead the report.
     *
     * @param known whether a key is one of the app's settings; {@value #CONFIG_FILE_KEY} and {@code kafka.*} always are
     */
    public void rejectUnknownKeys(Predicate<String> known) {
        problems.addAll(sources.unknownKeys(known.or(CONFIG_FILE_KEY::equals)));
    }

    /** The setting's value, or {@code fallback} when no source names it. */
    public <T> T get(SettingKey key, Parser<T> parser, T fallback) {
        return sources.find(key).map(setting -> parse(setting, parser)).orElse(fallback);
    }

    /** Empty when no source names the setting or the one that does gives an empty value. */
    public <T> Optional<T> optional(SettingKey key, Parser<T> parser) {
        return sources.find(key).filter(setting -> !setting.value().isBlank()).map(setting -> parse(setting, parser));
    }

    /** {@link #optional} for an int setting. */
    public OptionalInt optionalInt(SettingKey key, Parser<Integer> parser) {
        return optional(key, parser).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The topic prefix may be empty: topics then have their bare names. */
    public String topicPrefix(SettingKey key, String fallback) {
        return sources.find(key)
                .map(setting -> setting.value().isBlank() ? "" : parse(setting, Parser.TOPIC_PREFIX))
                .orElse(fallback);
    }

    /** A setting without a default; a placeholder when missing or invalid, which the collected problems then reject. */
    public String required(SettingKey key, Parser<String> parser) {
        Optional<SettingSources.Setting> setting = sources.find(key);
        if (setting.isEmpty()) {
            problems.add(key.key() + " is required: set " + sources.waysToSet(key));
            return "missing";
        }
        String value = parse(setting.get(), parser);
        return value == null ? "invalid" : value;
    }

    /** The Kafka properties passed through by every source ({@link SettingSources#kafkaProperties()}). */
    public Map<String, String> kafkaProperties() {
        return sources.kafkaProperties();
    }

    /**
     * {@code config}, built from what this reader returned, when no problem was found.
     *
     * @throws ConfigException listing every problem found
     */
    public <C> C checked(C config) {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** The parsed value, or null after recording the problem; the config is then never handed out. */
    private <T> T parse(SettingSources.Setting setting, Parser<T> parser) {
        String text = setting.value().strip();
        try {
            return parser.parse().apply(text);
        } catch (IllegalArgumentException e) {
            String got = parser.echoValue() ? ", got '" + text + "'" : "";
            problems.add(setting.origin() + ": expected " + parser.expected() + got);
            return null;
        }
    }
}
