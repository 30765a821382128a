package dev.imagepipe.tagger.config;

import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.Parser;
import dev.imagepipe.importer.config.SettingsReader;
import dev.imagepipe.tagger.history.RetentionPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link TaggerConfig} from flags, the environment and an optional properties file, in that precedence, over
 * the defaults of {@link TaggerConfig}, the same way the importer's loader does and with the same machinery
 * ({@link SettingsReader}). Shared settings keep their names ({@code bootstrap.servers}, {@code metrics.port}); the
 * tagger's own are {@link TaggerKey}s. Kafka properties pass through as {@code kafka.<property>} in flags and the
 * file, and as {@code KAFKA_<PROPERTY>} in the environment.
 *
 * <p>An empty value switches an optional setting off: {@code tagger.history.keep-newest=} keeps every event again.
 * Every problem is collected and reported in one {@link ConfigException}.
 */
public final class TaggerConfigLoader {

    private final SettingsReader settings;

    private TaggerConfigLoader(SettingsReader settings) {
        this.settings = settings;
    }

    /**
     * Loads with the properties file named by the {@value SettingsReader#CONFIG_FILE_KEY} flag or {@value
     * SettingsReader#CONFIG_FILE_ENV}, if either is set.
     *
     * @param flags flag values keyed by setting name ({@code tagger.history.keep-newest}, {@code kafka.acks})
     * @param environment the process environment, e.g. {@code System.getenv()}
     * @throws ConfigException listing every problem found
     */
    public static TaggerConfig load(Map<String, String> flags, Map<String, String> environment) {
        return load(flags, environment, SettingsReader.configFile(flags, environment));
    }

    /**
     * Loads with {@code propertiesFile}, when present, as the lowest-precedence source.
     *
     * @throws ConfigException listing every problem found, or when the file cannot be read
     */
    public static TaggerConfig load(
            Map<String, String> flags, Map<String, String> environment, Optional<Path> propertiesFile) {
        return new TaggerConfigLoader(SettingsReader.of(flags, environment, propertiesFile)).build();
    }

    private TaggerConfig build() {
        settings.rejectUnknownKeys(TaggerKey::known);
        return settings.checked(new TaggerConfig(
                settings.required(ConfigKey.BOOTSTRAP_SERVERS, Parser.BOOTSTRAP_SERVERS),
                settings.required(ConfigKey.SCHEMA_REGISTRY_URL, Parser.SCHEMA_REGISTRY_URLS),
                settings.topicPrefix(ConfigKey.TOPIC_PREFIX, TaggerConfig.DEFAULT_TOPIC_PREFIX),
                settings.get(ConfigKey.APPLICATION_ID, Parser.TEXT, TaggerConfig.DEFAULT_APPLICATION_ID),
                settings.get(ConfigKey.NUM_STREAM_THREADS, Parser.POSITIVE_INT, TaggerConfig.DEFAULT_STREAM_THREADS),
                settings.get(ConfigKey.STATE_DIR, Parser.PATH, TaggerConfig.DEFAULT_STATE_DIR),
                settings.optional(ConfigKey.REPLICATION_FACTOR, Parser.REPLICATION_FACTOR),
                settings.get(
                        ConfigKey.PROCESSING_GUARANTEE,
                        Parser.PROCESSING_GUARANTEE,
                        TaggerConfig.DEFAULT_PROCESSING_GUARANTEE),
                settings.get(ConfigKey.COMMIT_INTERVAL, Parser.DURATION, TaggerConfig.DEFAULT_COMMIT_INTERVAL),
                settings.get(TaggerKey.POLICY_NAME, Parser.TEXT, TaggerConfig.DEFAULT_POLICY_NAME),
                retention(),
                settings.get(TaggerKey.SCHEDULED_IMPORTS, Parser.BOOLEAN, TaggerConfig.DEFAULT_SCHEDULED_IMPORTS),
                settings.get(TaggerKey.JITTER_SEED, Parser.LONG, TaggerConfig.DEFAULT_JITTER_SEED),
                settings.get(
                        TaggerKey.PUNCTUATION_INTERVAL, Parser.DURATION, TaggerConfig.DEFAULT_PUNCTUATION_INTERVAL),
                settings.optionalInt(ConfigKey.METRICS_PORT, Parser.PORT),
                settings.kafkaProperties()));
    }

    /** Each limit is optional; with neither, history is unlimited. */
    private RetentionPolicy retention() {
        return new RetentionPolicy(
                settings.optionalInt(TaggerKey.HISTORY_KEEP_NEWEST, Parser.POSITIVE_INT),
                settings.optional(TaggerKey.HISTORY_KEEP_YOUNGER_THAN, Parser.DURATION));
    }
}
