package dev.imagepipe.importer.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The name of every importer setting, the one naming scheme of flags, properties files and the environment. The
 * settings every app has ({@link #shared()}) are named here too, and the other apps read them under these keys.
 *
 * <ul>
 *   <li>Settings Kafka or the schema registry already name keep that name ({@code bootstrap.servers}, {@code
 *       application.id}, {@code num.stream.threads}, ...), except that durations drop the {@code .ms}, since they take
 *       a unit ({@code commit.interval=100ms}).
 *   <li>Settings every imagepipe app has are lower-case words, dots between parts ({@code topic.prefix}, {@code
 *       metrics.port}).
 *   <li>The importer's own settings start with {@code importer.}; words within a part are joined with {@code -}
 *       ({@code importer.per-registry.rate}, {@code importer.fetch-timeout}).
 *   <li>The environment variable is {@code IMAGEPIPE_} and the key in upper snake case, without the {@code importer.}
 *       part, since each app reads its own environment: {@code importer.fetch.concurrency} is {@code
 *       IMAGEPIPE_FETCH_CONCURRENCY}, {@code bootstrap.servers} is {@code IMAGEPIPE_BOOTSTRAP_SERVERS}.
 * </ul>
 */
public enum ConfigKey implements SettingKey {
    BOOTSTRAP_SERVERS("bootstrap.servers"),
    SCHEMA_REGISTRY_URL("schema.registry.url"),
    TOPIC_PREFIX("topic.prefix"),
    APPLICATION_ID("application.id"),
    NUM_STREAM_THREADS("num.stream.threads"),
    STATE_DIR("state.dir"),
    REPLICATION_FACTOR("replication.factor"),
    PROCESSING_GUARANTEE("processing.guarantee"),
    COMMIT_INTERVAL("commit.interval"),
    FETCH_CONCURRENCY("importer.fetch.concurrency"),
    MAX_IN_FLIGHT("importer.max-in-flight"),
    PER_REGISTRY_CONCURRENCY("importer.per-registry.concurrency"),
    PER_REGISTRY_RATE("importer.per-registry.rate"),
    PER_REGISTRY_BURST("importer.per-registry.burst"),
    CONNECT_TIMEOUT("importer.connect-timeout"),
    REQUEST_TIMEOUT("importer.request-timeout"),
    FETCH_TIMEOUT("importer.fetch-timeout"),
    DOCKER_CONFIG_FILES("importer.docker-config-files"),
    CREDENTIALS_DIRECTORY("importer.credentials-directory"),
    DEFAULT_PLATFORM("importer.default-platform"),
    POLICY_NAME("importer.policy-name"),
    DEFAULT_IMPORT_MODE("importer.default-import-mode"),
    MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY("importer.max-images-bulk-imported-per-repository"),
    ALLOWED_PRIVATE_HOSTS("importer.allowed-private-hosts"),
    DISCOVER_SIGNATURES("importer.discover-signatures"),
    KNOWN_IMAGES_CAPACITY("importer.known-images-capacity"),
    METRICS_PORT("metrics.port");

    /** Prefix of every imagepipe environment variable. */
    public static final String ENV_PREFIX = SettingKey.ENV_PREFIX;

    /** The part of an importer-only key that its environment variable leaves out. */
    static final String APP_PART = "importer.";

    private final String key;

    ConfigKey(String key) {
        this.key = key;
    }

    /** The name in flags and properties files, e.g. {@code importer.per-registry.rate}. */
    @Override
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code IMAGEPIPE_PER_REGISTRY_RATE}. */
    @Override
    public String envName() {
        return SettingKey.envName(key, APP_PART);
    }

    /**
     * Whether every imagepipe app has this setting ({@code bootstrap.servers}, {@code metrics.port}, ...), as opposed
     * to the importer's own; the other apps read the shared settings under these keys.
     */
    public boolean shared() {
        return !key.startsWith(APP_PART);
    }

    /** The setting named {@code key} in flags or a properties file. */
    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
