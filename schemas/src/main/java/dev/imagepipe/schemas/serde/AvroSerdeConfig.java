package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.registry.RegistryClientSettings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration, read from a Kafka client configuration map with Confluent's key names so that an
 * existing Confluent configuration works unchanged.
 *
 * <p>Keys: the registry keys of {@link RegistryClientSettings} ({@value RegistryClientSettings#URL}, {@value
 * RegistryClientSettings#CREDENTIALS_SOURCE}, {@value RegistryClientSettings#USER_INFO}, {@code
 * schema.registry.ssl.truststore.*}); {@value #AUTO_REGISTER_SCHEMAS} (default true); {@value #USE_LATEST_VERSION}
 * (default false); {@value #SPECIFIC_AVRO_READER} (default false); {@value #SPECIFIC_AVRO_KEY_TYPE} / {@value
 * #SPECIFIC_AVRO_VALUE_TYPE} (a generated class to read into); {@value #KEY_SUBJECT_NAME_STRATEGY} / {@value
 * #VALUE_SUBJECT_NAME_STRATEGY} (only Confluent's {@value #TOPIC_NAME_STRATEGY}).
 */
public final class AvroSerdeConfig {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Confluent's default strategy, subject {@code <topic>-key} / {@code <topic>-value}; the only one supported. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private final Map<String, ?> config;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean specificAvroReader;

    private AvroSerdeConfig(Map<String, ?> config) {
        this.config = Map.copyOf(config);
        this.autoRegisterSchemas = bool(config, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(config, USE_LATEST_VERSION, false);
        this.specificAvroReader = bool(config, SPECIFIC_AVRO_READER, false);
        requireTopicNameStrategy(config, KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(config, VALUE_SUBJECT_NAME_STRATEGY);
    }

    /**
     * Parses the serde keys; keys it does not know are ignored, as Kafka passes the whole client configuration.
     *
     * @throws ConfigException naming the invalid key
     */
    public static AvroSerdeConfig parse(Map<String, ?> config) {
        Map<String, Object> withoutNulls = new HashMap<>();
        config.forEach((k, v) -> {
            if (k != null && v != null) {
                withoutNulls.put(k, v);
            }
        });
        return new AvroSerdeConfig(withoutNulls);
    }

    /** The defaults, as for an empty configuration. */
    public static AvroSerdeConfig defaults() {
        return parse(Map.of());
    }

    /**
     * Where the registry is; parsed on demand so that a serde given a client needs no URL.
     *
     * @throws ConfigException naming {@value RegistryClientSettings#URL} when it is missing
     */
    public RegistryClientSettings registrySettings() {
        return RegistryClientSettings.fromConfig(config);
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /** The configured class name or class for {@value #SPECIFIC_AVRO_KEY_TYPE} / {@value #SPECIFIC_AVRO_VALUE_TYPE}. */
    Optional<Object> specificType(boolean isKey) {
        return Optional.ofNullable(config.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE));
    }

    @Override
    public String toString() {
        return "AvroSerdeConfig[autoRegisterSchemas=" + autoRegisterSchemas + ", useLatestVersion=" + useLatestVersion
                + ", specificAvroReader=" + specificAvroReader + "]";
    }

    private static boolean bool(Map<String, ?> config, String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "must be true or false");
        };
    }

    private static void requireTopicNameStrategy(Map<String, ?> config, String key) {
        Object value = config.get(key);
        String name = value instanceof Class<?> c
                ? c.getName()
                : value == null ? null : value.toString().strip();
        if (name != null && !name.equals(TOPIC_NAME_STRATEGY)) {
            throw new ConfigException(
                    key,
                    name,
                    "imagepipe supports only " + TOPIC_NAME_STRATEGY + " (subjects <topic>-key and <topic>-value)");
        }
    }
}
