package dev.imagepipe.importer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link ImporterConfig} from flags, the environment and an optional properties file, in that precedence,
 * over the defaults of {@link ImporterConfig}. Keys follow {@link ConfigKey}. Kafka properties pass through as {@code
 * kafka.<property>} in flags and the file, and as {@code KAFKA_<PROPERTY>} in the environment.
 *
 * <p>A value is stripped of surrounding blanks. An empty value sets the setting to empty: no value for an optional
 * setting (so a flag can switch off a metrics port the file sets), an empty list, an empty topic prefix; an error for
 * the rest. Every problem is collected and reported in one {@link ConfigException}, each naming the setting and where
 * it came from. The reading itself is {@link SettingsReader}'s, shared with the other apps.
 */
public final class ImporterConfigLoader {

    /** The flag naming the properties file. */
    public static final String CONFIG_FILE_KEY = SettingsReader.CONFIG_FILE_KEY;

    /** The environment variable naming the properties file, when no flag does. */
    public static final String CONFIG_FILE_ENV = SettingsReader.CONFIG_FILE_ENV;

    private final SettingsReader settings;

    private ImporterConfigLoader(SettingsReader settings) {
        this.settings = settings;
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
        return load(flags, environment, SettingsReader.configFile(flags, environment));
    }

    /**
     * Loads with {@code propertiesFile}, when present, as the lowest-precedence source.
     *
     * @throws ConfigException listing every problem found, or when the file cannot be read
     */
    public static ImporterConfig load(
            Map<String, String> flags, Map<String, String> environment, Optional<Path> propertiesFile) {
        return new ImporterConfigLoader(SettingsReader.of(flags, environment, propertiesFile)).build();
    }

    private ImporterConfig build() {
        settings.rejectUnknownKeys(key -> ConfigKey.byKey(key).isPresent());
        return settings.checked(new ImporterConfig(
                settings.required(ConfigKey.BOOTSTRAP_SERVERS, Parser.BOOTSTRAP_SERVERS),
                settings.required(ConfigKey.SCHEMA_REGISTRY_URL, Parser.SCHEMA_REGISTRY_URLS),
                settings.topicPrefix(ConfigKey.TOPIC_PREFIX, ImporterConfig.DEFAULT_TOPIC_PREFIX),
                settings.get(ConfigKey.APPLICATION_ID, Parser.TEXT, ImporterConfig.DEFAULT_APPLICATION_ID),
                settings.get(ConfigKey.NUM_STREAM_THREADS, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_STREAM_THREADS),
                settings.get(ConfigKey.STATE_DIR, Parser.PATH, ImporterConfig.DEFAULT_STATE_DIR),
                settings.optional(ConfigKey.REPLICATION_FACTOR, Parser.REPLICATION_FACTOR),
                settings.get(
                        ConfigKey.PROCESSING_GUARANTEE,
                        Parser.PROCESSING_GUARANTEE,
                        ImporterConfig.DEFAULT_PROCESSING_GUARANTEE),
                settings.get(ConfigKey.COMMIT_INTERVAL, Parser.DURATION, ImporterConfig.DEFAULT_COMMIT_INTERVAL),
                settings.get(
                        ConfigKey.FETCH_CONCURRENCY, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_FETCH_CONCURRENCY),
                settings.get(ConfigKey.MAX_IN_FLIGHT, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_MAX_IN_FLIGHT),
                settings.get(
                        ConfigKey.PER_REGISTRY_CONCURRENCY,
                        Parser.POSITIVE_INT,
                        ImporterConfig.DEFAULT_PER_REGISTRY_CONCURRENCY),
                settings.get(
                        ConfigKey.PER_REGISTRY_RATE, Parser.POSITIVE_NUMBER, ImporterConfig.DEFAULT_PER_REGISTRY_RATE),
                settings.get(
                        ConfigKey.PER_REGISTRY_BURST, Parser.POSITIVE_INT, ImporterConfig.DEFAULT_PER_REGISTRY_BURST),
                settings.get(ConfigKey.CONNECT_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_CONNECT_TIMEOUT),
                settings.get(ConfigKey.REQUEST_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_REQUEST_TIMEOUT),
                settings.get(ConfigKey.FETCH_TIMEOUT, Parser.DURATION, ImporterConfig.DEFAULT_FETCH_TIMEOUT),
                settings.get(ConfigKey.DOCKER_CONFIG_FILES, Parser.PATHS, List.of()),
                settings.optional(ConfigKey.CREDENTIALS_DIRECTORY, Parser.PATH),
                settings.get(ConfigKey.DEFAULT_PLATFORM, Parser.PLATFORM_SPEC, ImporterConfig.DEFAULT_PLATFORM),
                settings.get(ConfigKey.POLICY_NAME, Parser.TEXT, ImporterConfig.DEFAULT_POLICY_NAME),
                settings.get(ConfigKey.DEFAULT_IMPORT_MODE, Parser.IMPORT_MODE, ImporterConfig.DEFAULT_IMPORT_MODE),
                settings.get(
                        ConfigKey.MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY,
                        Parser.BULK_LIMIT,
                        ImporterConfig.DEFAULT_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY),
                settings.get(ConfigKey.ALLOWED_PRIVATE_HOSTS, Parser.HOSTS, Set.of()),
                settings.get(ConfigKey.DISCOVER_SIGNATURES, Parser.BOOLEAN, ImporterConfig.DEFAULT_DISCOVER_SIGNATURES),
                settings.get(
                        ConfigKey.KNOWN_IMAGES_CAPACITY,
                        Parser.POSITIVE_INT,
                        ImporterConfig.DEFAULT_KNOWN_IMAGES_CAPACITY),
                settings.optionalInt(ConfigKey.METRICS_PORT, Parser.PORT),
                settings.kafkaProperties()));
    }
}
