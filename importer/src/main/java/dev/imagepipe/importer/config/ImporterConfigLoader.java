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
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds an {@link ImporterConfig} from flags, the environment and an optional properties file, in that precedence,
 * over the defaults of {@link ImporterConfig}. Keys follow {@link ConfigKey}. Kafka properties pass through as {@code
 * kafka.<property>} in flags and the file, and as {@code KAFKA_<PROPERTY>} in the environment.
 *
 * <p>A value is stripped of surrounding blanks. An empty value sets the setting to empty: no value for an optional
 * setting (so a flag can switch off a metrics port the file sets), an empty list, an empty topic prefix; an error for
 * the rest. Every problem is collected and reported in one {@link ConfigException}, each naming the setting and where
 * it came from.
 */
public final class ImporterConfigLoader {

    /** The flag naming the properties file. */
    public static final String CONFIG_FILE_KEY = "config.file";

    /** The environment variable naming the properties file, when no flag does. */
    public static final String CONFIG_FILE_ENV = ConfigKey.ENV_PREFIX + "CONFIG_FILE";

    private final SettingSources sources;
    private final List<String> problems = new ArrayList<>();

    private ImporterConfigLoader(SettingSources sources) {
        this.sources = sources;
    }

    /**
     * Loads with the properties file named by the {@value #CONFIG_FILE_KEY} flag or {@value #CONFIG_FILE_ENV}, if
     * either is set.
     *
     * @param flags flag values keyed by setting name ({@code importer.fetch.concurrency}, {@code kafka.acks})
     * @param environment the process environment, e.g. {@code System.getenv()}
     * @throws ConfigException listing every problem found
     */
    public static ImporterConfig load(Map<String, String> flags, Map<String, String> environment) {
        Optional<Path> file = Optional.ofNullable(flags.get(CONFIG_FILE_KEY))
                .or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_ENV)))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(Path::of);
        return load(flags, environment, file);
    }

    /**
     * Loads with {@code propertiesFile}, when present, as the lowest-precedence source.
     *
     * @throws ConfigException listing every problem found, or when the file cannot be read
     */
    public static ImporterConfig load(
            Map<String, String> flags, Map<String, String> environment, Optional<Path> propertiesFile) {
        Map<String, String> fileEntries =
                propertiesFile.map(ImporterConfigLoader::read).orElse(Map.of());
        String fileName = propertiesFile.map(Path::toString).orElse("properties file");
        return new ImporterConfigLoader(new SettingSources(flags, environment, fileEntries, fileName)).build();
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

    private ImporterConfig build() {
        problems.addAll(sources.unknownKeys(Set.of(CONFIG_FILE_KEY)));
        ImporterConfig config = new ImporterConfig(
                required(ConfigKey.BOOTSTRAP_SERVERS, Parser.BOOTSTRAP_SERVERS),
                required(ConfigKey.SCHEMA_REGISTRY_URL, Parser.SCHEMA_REGISTRY_URLS),
                topicPrefix(),
                get(ConfigKey.APPLICATION_ID, Parser.TEXT, ImporterConfig.DEFAULT_APPLICATION_ID),
                get(ConfigKey.NUM_STREAM_THREADS, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_STREAM_THREADS),
                get(ConfigKey.STATE_DIR, Parser.PATH, ImporterConfig.DEFAULT_STATE_DIR),
                optional(ConfigKey.REPLICATION_FACTOR, Parser.REPLICATION_FACTOR),
                get(
                        ConfigKey.PROCESSING_GUARANTEE,
                        Parser.PROCESSING_GUARANTEE,
                        ImporterConfig.DEFAULT_PROCESSING_GUARANTEE),
                get(ConfigKey.COMMIT_INTERVAL, Parser.DURATION, ImporterConfig.DEFAULT_COMMIT_INTERVAL),
                get(ConfigKey.FETCH_CONCURRENCY, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_FETCH_CONCURRENCY),
                get(ConfigKey.MAX_IN_FLIGHT, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_MAX_IN_FLIGHT),
                get(
                        ConfigKey.PER_REGISTRY_CONCURRENCY,
                        Parser.POSITIVE_INT,
                        ImporterConfig.DEFAULT_PER_REGISTRY_CONCURRENCY),
                get(ConfigKey.PER_REGISTRY_RATE, Parser.POSITIVE_NUMBER, ImporterConfig.DEFAULT_PER_REGISTRY_RATE),
                get(ConfigKey.PER_REGISTRY_BURST, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_PER_REGISTRY_BURST),
                get(ConfigKey.CONNECT_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_CONNECT_TIMEOUT),
                get(ConfigKey.REQUEST_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_REQUEST_TIMEOUT),
                get(ConfigKey.FETCH_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_FETCH_TIMEOUT),
                get(ConfigKey.DOCKER_CONFIG_FILES, Parser.PATHS, List.of()),
                optional(ConfigKey.CREDENTIALS_DIRECTORY, Parser.PATH),
                get(ConfigKey.DEFAULT_PLATFORM, Parser.PLATFORM_SPEC, ImporterConfig.DEFAULT_PLATFORM),
                get(ConfigKey.POLICY_NAME, Parser.TEXT, ImporterConfig.DEFAULT_POLICY_NAME),
                get(ConfigKey.DEFAULT_IMPORT_MODE, Parser.IMPORT_MODE, ImporterConfig.DEFAULT_IMPORT_MODE),
                get(
                        ConfigKey.MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY,
                        Parser.BULK_LIMIT,
                        ImporterConfig.DEFAULT_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY),
                get(ConfigKey.ALLOWED_PRIVATE_HOSTS, Parser.HOSTS, Set.of()),
                get(ConfigKey.DISCOVER_SIGNATURES, Parser.BOOLEAN, ImporterConfig.DEFAULT_DISCOVER_SIGNATURES),
                get(ConfigKey.KNOWN_IMAGES_CAPACITY, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_KNOWN_IMAGES_CAPACITY),
                optional(ConfigKey.METRICS_PORT, Parser.PORT)
                        .map(OptionalInt::of)
                        .orElse(OptionalInt.empty()),
                sources.kafkaProperties());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** The setting's value, or {@code fallback} when no source names it. */
    private <T> T get(ConfigKey key, Parser<T> parser, T fallback) {
        return sources.find(key).map(setting -> parse(setting, parser)).orElse(fallback);
    }

    /** Empty when no source names the setting or the one that does gives an empty value. */
    private <T> Optional<T> optional(ConfigKey key, Parser<T> parser) {
        return sources.find(key).filter(setting -> !setting.value().isBlank()).map(setting -> parse(setting, parser));
    }

    /** The topic prefix may be empty: topics then have their bare names. */
    private String topicPrefix() {
        return sources.find(ConfigKey.TOPIC_PREFIX)
                .map(setting -> setting.value().isBlank() ? "" : parse(setting, Parser.TOPIC_PREFIX))
                .orElse(ImporterConfig.DEFAULT_TOPIC_PREFIX);
    }

    /** A setting without a default; a placeholder when missing or invalid, which the collected problems then reject. */
    private String required(ConfigKey key, Parser<String> parser) {
        Optional<SettingSources.Setting> setting = sources.find(key);
        if (setting.isEmpty()) {
            problems.add(key.key() + " is required: set " + sources.waysToSet(key));
            return "missing";
        }
        String value = parse(setting.get(), parser);
        return value == null ? "invalid" : value;
    }

    /** The parsed value, or null after recording the problem; the config is then never built. */
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
