package dev.imagepipe.importer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterConfigLoaderTest {

    private static final Map<String, String> REQUIRED =
            Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "http://registry:8081");

    @TempDir
    Path dir;

    @Test
    void fillsEverythingButTheRequiredSettingsWithDefaults() {
        ImporterConfig config = ImporterConfigLoader.load(REQUIRED, Map.of(), Optional.empty());

        assertThat(config).isEqualTo(ImporterConfig.defaults("kafka:9092", "http://registry:8081"));
    }

    @Test
    void prefersFlagsThenEnvironmentThenTheFile() throws IOException {
        Path file =
                properties("importer.fetch.concurrency=1", "importer.max-in-flight=1", "importer.per-registry.burst=1");
        Map<String, String> environment = Map.of(
                "IMAGEPIPE_FETCH_CONCURRENCY", "2",
                "IMAGEPIPE_MAX_IN_FLIGHT", "2");
        Map<String, String> flags = with(REQUIRED, "importer.fetch.concurrency", "3");

        ImporterConfig config = ImporterConfigLoader.load(flags, environment, Optional.of(file));

        assertThat(config.fetchConcurrency()).isEqualTo(3);
        assertThat(config.maxInFlight()).isEqualTo(2);
        assertThat(config.perRegistryBurst()).isEqualTo(1);
    }

    @Test
    void readsEverySettingFromTheFile() throws IOException {
        Path file = properties(
                "bootstrap.servers=k1:9092, k2:9093",
                "schema.registry.url=https://sr:8081",
                "topic.prefix=prod.",
                "application.id=importer-prod",
                "num.stream.threads=4",
                "state.dir=/var/lib/importer",
                "replication.factor=3",
                "processing.guarantee=at_least_once",
                "commit.interval=PT1S",
                "importer.fetch.concurrency=64",
                "importer.max-in-flight=500",
                "importer.per-registry.concurrency=4",
                "importer.per-registry.rate=2.5",
                "importer.per-registry.burst=5",
                "importer.connect-timeout=3s",
                "importer.request-timeout=1m",
                "importer.fetch-timeout=10m",
                "importer.docker-config-files=/etc/a.json, /etc/b.json",
                "importer.credentials-directory=/etc/creds",
                "importer.default-platform=linux/arm64/v8",
                "importer.policy-name=strict",
                "importer.default-import-mode=PreserveOriginal",
                "importer.max-images-bulk-imported-per-repository=-1",
                "importer.allowed-private-hosts=Registry.Local, 10.0.0.5",
                "importer.discover-signatures=FALSE",
                "importer.known-images-capacity=10",
                "metrics.port=9400");

        ImporterConfig config = ImporterConfigLoader.load(Map.of(), Map.of(), Optional.of(file));

        assertThat(config)
                .isEqualTo(new ImporterConfig(
                        "k1:9092, k2:9093",
                        "https://sr:8081",
                        "prod.",
                        "importer-prod",
                        4,
                        Path.of("/var/lib/importer"),
                        Optional.of((short) 3),
                        "at_least_once",
                        Duration.ofSeconds(1),
                        64,
                        500,
                        4,
                        2.5,
                        5,
                        Duration.ofSeconds(3),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        List.of(Path.of("/etc/a.json"), Path.of("/etc/b.json")),
                        Optional.of(Path.of("/etc/creds")),
                        new Platform("linux", "arm64", "v8"),
                        "strict",
                        ImportMode.PRESERVE_ORIGINAL,
                        ImporterConfig.UNLIMITED,
                        Set.of("registry.local", "10.0.0.5"),
                        false,
                        10,
                        OptionalInt.of(9400),
                        Map.of()));
    }

    @Test
    void namesTheVariableAndTheValueInAnError() {
        Map<String, String> environment = Map.of("IMAGEPIPE_FETCH_CONCURRENCY", "x");

        assertThatThrownBy(() -> ImporterConfigLoader.load(REQUIRED, environment, Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("IMAGEPIPE_FETCH_CONCURRENCY: expected a positive integer, got 'x'");
    }

    @Test
    void namesTheFileAndKeyOrTheFlagInAnError() throws IOException {
        Path file = properties("importer.fetch-timeout=30");
        Map<String, String> flags = with(REQUIRED, "importer.default-platform", "amd64");

        assertThatThrownBy(() -> ImporterConfigLoader.load(flags, Map.of(), Optional.of(file)))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        file + ": importer.fetch-timeout: expected a positive duration such as 100ms, 30s, 5m, 1h"
                                + " or PT30S, got '30'",
                        "flag importer.default-platform: expected os/architecture[/variant], e.g. linux/amd64,"
                                + " got 'amd64'"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> environment = Map.of(
                "IMAGEPIPE_NUM_STREAM_THREADS", "0",
                "IMAGEPIPE_COMMIT_INTERVAL", "0ms",
                "IMAGEPIPE_PROCESSING_GUARANTEE", "exactly_once",
                "IMAGEPIPE_DISCOVER_SIGNATURES", "yes",
                "IMAGEPIPE_DEFAULT_IMPORT_MODE", "Latest",
                "IMAGEPIPE_METRICS_PORT", "70000",
                "IMAGEPIPE_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY", "0",
                "IMAGEPIPE_PER_REGISTRY_RATE", "NaN",
                "IMAGEPIPE_TOPIC_PREFIX", "bad prefix");

        assertThatThrownBy(() -> ImporterConfigLoader.load(Map.of(), environment, Optional.empty()))
                .asInstanceOf(type(ConfigException.class))
                .satisfies(e -> assertThat(e.getMessage()).startsWith("11 configuration problems:\n  "))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        "bootstrap.servers is required: set flag bootstrap.servers, IMAGEPIPE_BOOTSTRAP_SERVERS or"
                                + " bootstrap.servers in the properties file",
                        "schema.registry.url is required: set flag schema.registry.url, IMAGEPIPE_SCHEMA_REGISTRY_URL"
                                + " or schema.registry.url in the properties file",
                        "IMAGEPIPE_TOPIC_PREFIX: expected a topic-name prefix of letters, digits, '.', '_' and '-',"
                                + " got 'bad prefix'",
                        "IMAGEPIPE_NUM_STREAM_THREADS: expected a positive integer, got '0'",
                        "IMAGEPIPE_PROCESSING_GUARANTEE: expected at_least_once or exactly_once_v2, got 'exactly_once'",
                        "IMAGEPIPE_COMMIT_INTERVAL: expected a positive duration such as 100ms, 30s, 5m, 1h or PT30S,"
                                + " got '0ms'",
                        "IMAGEPIPE_PER_REGISTRY_RATE: expected a positive number, got 'NaN'",
                        "IMAGEPIPE_DEFAULT_IMPORT_MODE: expected Legacy or PreserveOriginal, got 'Latest'",
                        "IMAGEPIPE_MAX_IMAGES_BULK_IMPORTED_PER_REPOSITORY: expected a positive integer, or -1 for no"
                                + " limit, got '0'",
                        "IMAGEPIPE_DISCOVER_SIGNATURES: expected true or false, got 'yes'",
                        "IMAGEPIPE_METRICS_PORT: expected a port from 0 (any free port) to 65535, got '70000'"));
    }

    @Test
    void neverQuotesTheSchemaRegistryUrlWhichMayHoldAPassword() {
        Map<String, String> flags = Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "bob:s3cret");

        assertThatThrownBy(() -> ImporterConfigLoader.load(flags, Map.of(), Optional.empty()))
                .hasMessage("flag schema.registry.url: expected absolute http:// or https:// URLs with a host,"
                        + " comma-separated")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesBootstrapServersWithoutPorts() {
        Map<String, String> flags = with(REQUIRED, "bootstrap.servers", "kafka:9092,kafka2");

        assertThatThrownBy(() -> ImporterConfigLoader.load(flags, Map.of(), Optional.empty()))
                .hasMessage("flag bootstrap.servers: expected host:port[,host:port...], got 'kafka:9092,kafka2'");
    }

    @Test
    void refusesUnknownKeysInFlagsAndFileButNotInTheEnvironment() throws IOException {
        Path file = properties("importer.fetch.concurency=3");
        Map<String, String> flags = with(REQUIRED, "importer.max_in_flight", "3");
        Map<String, String> environment = Map.of("IMAGEPIPE_TAGGER_SCHEDULE_BUDGET", "100");

        assertThatThrownBy(() -> ImporterConfigLoader.load(flags, environment, Optional.of(file)))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        "flag importer.max_in_flight: unknown setting",
                        file + ": importer.fetch.concurency: unknown setting"));
    }

    @Test
    void passesKafkaPropertiesThroughWithTheSamePrecedence() throws IOException {
        Path file = properties("kafka.acks=1", "kafka.linger.ms=5", "kafka.client.id=from-file");
        Map<String, String> environment = Map.of("KAFKA_LINGER_MS", "10", "KAFKA_CLIENT_ID", "from-env");
        Map<String, String> flags = with(REQUIRED, "kafka.client.id", "from-flag");

        ImporterConfig config = ImporterConfigLoader.load(flags, environment, Optional.of(file));

        assertThat(config.kafkaProperties())
                .isEqualTo(Map.of("acks", "1", "linger.ms", "10", "client.id", "from-flag"));
    }

    @Test
    void namesKafkaPropertiesFromTheEnvironmentAsConfluentImagesDo() {
        Map<String, String> environment = Map.of(
                "KAFKA_SASL_JAAS_CONFIG", "jaas",
                "KAFKA_SOME__UNDERSCORED", "u",
                "KAFKA_SOME___DASHED", "d",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_OPTS", "-Dx=y");

        ImporterConfig config = ImporterConfigLoader.load(REQUIRED, environment, Optional.empty());

        assertThat(config.kafkaProperties())
                .isEqualTo(Map.of("sasl.jaas.config", "jaas", "some_underscored", "u", "some-dashed", "d"));
    }

    @Test
    void letsAnEmptyValueSwitchOffAnOptionalSettingOfALowerSource() throws IOException {
        Path file = properties(
                "metrics.port=9400", "replication.factor=3", "importer.allowed-private-hosts=a", "topic.prefix=x.");
        Map<String, String> environment = Map.of(
                "IMAGEPIPE_METRICS_PORT", "",
                "IMAGEPIPE_REPLICATION_FACTOR", " ",
                "IMAGEPIPE_ALLOWED_PRIVATE_HOSTS", "",
                "IMAGEPIPE_TOPIC_PREFIX", "");

        ImporterConfig config = ImporterConfigLoader.load(REQUIRED, environment, Optional.of(file));

        assertThat(config.metricsPort()).isEmpty();
        assertThat(config.replicationFactor()).isEmpty();
        assertThat(config.allowedPrivateHosts()).isEmpty();
        assertThat(config.topicPrefix()).isEmpty();
    }

    @Test
    void refusesAnEmptyValueForASettingThatNeedsOne() {
        Map<String, String> environment = Map.of("IMAGEPIPE_APPLICATION_ID", "", "IMAGEPIPE_BOOTSTRAP_SERVERS", "");

        assertThatThrownBy(() -> ImporterConfigLoader.load(
                        Map.of("schema.registry.url", "http://r:8081"), environment, Optional.empty()))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        "IMAGEPIPE_BOOTSTRAP_SERVERS: expected host:port[,host:port...], got ''",
                        "IMAGEPIPE_APPLICATION_ID: expected a value, got ''"));
    }

    @Test
    void findsThePropertiesFileFromTheFlagOrTheEnvironment() throws IOException {
        Path file = properties("bootstrap.servers=kafka:9092", "schema.registry.url=http://r:8081");

        ImporterConfig fromFlag = ImporterConfigLoader.load(Map.of("config.file", file.toString()), Map.of());
        ImporterConfig fromEnvironment =
                ImporterConfigLoader.load(Map.of(), Map.of("IMAGEPIPE_CONFIG_FILE", file.toString()));

        assertThat(fromFlag.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(fromEnvironment).isEqualTo(fromFlag);
    }

    @Test
    void reportsAFileThatCannotBeRead() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ImporterConfigLoader.load(REQUIRED, Map.of(), Optional.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + missing + " cannot be read: ")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void acceptsImportModesInEitherSpelling() {
        for (String spelling : new String[] {"Legacy", "legacy", "LEGACY"}) {
            assertThat(load("importer.default-import-mode", spelling).defaultImportMode())
                    .isEqualTo(ImportMode.LEGACY);
        }
        for (String spelling : new String[] {"PreserveOriginal", "preserve-original", "PRESERVE_ORIGINAL"}) {
            assertThat(load("importer.default-import-mode", spelling).defaultImportMode())
                    .isEqualTo(ImportMode.PRESERVE_ORIGINAL);
        }
    }

    @Test
    void readsAPlatformWithOrWithoutVariant() {
        assertThat(load("importer.default-platform", "linux/s390x").defaultPlatform())
                .isEqualTo(new Platform("linux", "s390x", null));
        assertThat(load("importer.default-platform", "linux/arm/v7").defaultPlatform())
                .isEqualTo(new Platform("linux", "arm", "v7"));
    }

    @Test
    void readsMetricsPortZeroAsAnyFreePort() {
        assertThat(load("metrics.port", "0").metricsPort()).isEqualTo(OptionalInt.of(0));
    }

    private ImporterConfig load(String key, String value) {
        return ImporterConfigLoader.load(with(REQUIRED, key, value), Map.of(), Optional.empty());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> result = new java.util.HashMap<>(base);
        result.put(key, value);
        return result;
    }

    private Path properties(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "importer", ".properties");
        Files.write(file, List.of(lines));
        return file;
    }
}
