package dev.imagepipe.tagger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.tagger.history.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerConfigLoaderTest {

    private static final Map<String, String> REQUIRED =
            Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "http://registry:8081");

    @TempDir
    Path dir;

    @Test
    void fillsEverythingButTheRequiredSettingsWithDefaults() {
        TaggerConfig config = TaggerConfigLoader.load(REQUIRED, Map.of(), Optional.empty());

        assertThat(config).isEqualTo(TaggerConfig.defaults("kafka:9092", "http://registry:8081"));
        assertThat(config.applicationId()).isEqualTo("imagepipe-tagger");
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.retention()).isEqualTo(RetentionPolicy.UNLIMITED);
        assertThat(config.scheduledImports()).isTrue();
    }

    @Test
    void readsTheTaggersSettingsFromTheEnvironmentWithoutTheTaggerPart() {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("IMAGEPIPE_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"),
                Map.entry("IMAGEPIPE_SCHEMA_REGISTRY_URL", "https://sr:8081"),
                Map.entry("IMAGEPIPE_TOPIC_PREFIX", "prod."),
                Map.entry("IMAGEPIPE_APPLICATION_ID", "tagger-prod"),
                Map.entry("IMAGEPIPE_NUM_STREAM_THREADS", "4"),
                Map.entry("IMAGEPIPE_STATE_DIR", "/var/lib/tagger"),
                Map.entry("IMAGEPIPE_REPLICATION_FACTOR", "3"),
                Map.entry("IMAGEPIPE_PROCESSING_GUARANTEE", "at_least_once"),
                Map.entry("IMAGEPIPE_COMMIT_INTERVAL", "1s"),
                Map.entry("IMAGEPIPE_POLICY_NAME", "strict"),
                Map.entry("IMAGEPIPE_HISTORY_KEEP_NEWEST", "5"),
                Map.entry("IMAGEPIPE_HISTORY_KEEP_YOUNGER_THAN", "30d"),
                Map.entry("IMAGEPIPE_SCHEDULED_IMPORTS", "false"),
                Map.entry("IMAGEPIPE_JITTER_SEED", "-42"),
                Map.entry("IMAGEPIPE_PUNCTUATION_INTERVAL", "PT10S"),
                Map.entry("IMAGEPIPE_METRICS_PORT", "9464"),
                Map.entry("KAFKA_SECURITY_PROTOCOL", "SSL"));

        TaggerConfig config = TaggerConfigLoader.load(Map.of(), environment, Optional.empty());

        assertThat(config)
                .isEqualTo(new TaggerConfig(
                        "k1:9092,k2:9092",
                        "https://sr:8081",
                        "prod.",
                        "tagger-prod",
                        4,
                        Path.of("/var/lib/tagger"),
                        Optional.of((short) 3),
                        "at_least_once",
                        Duration.ofSeconds(1),
                        "strict",
                        new RetentionPolicy(OptionalInt.of(5), Optional.of(Duration.ofDays(30))),
                        false,
                        -42,
                        Duration.ofSeconds(10),
                        OptionalInt.of(9464),
                        Map.of("security.protocol", "SSL")));
    }

    @Test
    void prefersFlagsThenEnvironmentThenTheFile() throws IOException {
        Path file =
                properties("tagger.history.keep-newest=1", "tagger.jitter-seed=1", "tagger.punctuation-interval=1s");
        Map<String, String> environment = Map.of(
                "IMAGEPIPE_HISTORY_KEEP_NEWEST", "2",
                "IMAGEPIPE_JITTER_SEED", "2");
        Map<String, String> flags = with(REQUIRED, "tagger.history.keep-newest", "3");

        TaggerConfig config = TaggerConfigLoader.load(flags, environment, Optional.of(file));

        assertThat(config.retention().keepNewest()).hasValue(3);
        assertThat(config.jitterSeed()).isEqualTo(2);
        assertThat(config.punctuationInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void findsThePropertiesFileFromTheFlag() throws IOException {
        Path file = properties("tagger.scheduled-imports=false");

        TaggerConfig config = TaggerConfigLoader.load(with(REQUIRED, "config.file", file.toString()), Map.of());

        assertThat(config.scheduledImports()).isFalse();
    }

    @Test
    void letsAnEmptyFlagMakeHistoryUnlimitedAgain() throws IOException {
        Path file = properties("tagger.history.keep-newest=10", "tagger.history.keep-younger-than=7d");
        Map<String, String> flags =
                with(with(REQUIRED, "tagger.history.keep-newest", ""), "tagger.history.keep-younger-than", " ");

        TaggerConfig config = TaggerConfigLoader.load(flags, Map.of(), Optional.of(file));

        assertThat(config.retention()).isEqualTo(RetentionPolicy.UNLIMITED);
    }

    @Test
    void refusesTheImportersOwnSettingsAndTyposButNotOtherAppsVariables() {
        Map<String, String> flags =
                with(with(REQUIRED, "importer.fetch.concurrency", "3"), "tagger.history.keep_newest", "3");
        Map<String, String> environment = Map.of("IMAGEPIPE_FETCH_CONCURRENCY", "8");

        assertThatThrownBy(() -> TaggerConfigLoader.load(flags, environment, Optional.empty()))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        "flag importer.fetch.concurrency: unknown setting",
                        "flag tagger.history.keep_newest: unknown setting"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> environment = Map.of(
                "IMAGEPIPE_COMMIT_INTERVAL", "100",
                "IMAGEPIPE_HISTORY_KEEP_NEWEST", "0",
                "IMAGEPIPE_HISTORY_KEEP_YOUNGER_THAN", "a week",
                "IMAGEPIPE_SCHEDULED_IMPORTS", "off",
                "IMAGEPIPE_JITTER_SEED", "0x2a",
                "IMAGEPIPE_PUNCTUATION_INTERVAL", "0s");

        assertThatThrownBy(() -> TaggerConfigLoader.load(REQUIRED, environment, Optional.empty()))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .isEqualTo(List.of(
                        "IMAGEPIPE_COMMIT_INTERVAL: expected a positive duration such as 100ms, 30s, 5m, 1h or PT30S,"
                                + " got '100'",
                        "IMAGEPIPE_HISTORY_KEEP_NEWEST: expected a positive integer, got '0'",
                        "IMAGEPIPE_HISTORY_KEEP_YOUNGER_THAN: expected a positive duration such as 100ms, 30s, 5m, 1h"
                                + " or PT30S, got 'a week'",
                        "IMAGEPIPE_SCHEDULED_IMPORTS: expected true or false, got 'off'",
                        "IMAGEPIPE_JITTER_SEED: expected an integer, got '0x2a'",
                        "IMAGEPIPE_PUNCTUATION_INTERVAL: expected a positive duration such as 100ms, 30s, 5m, 1h or"
                                + " PT30S, got '0s'"));
    }

    @Test
    void requiresTheBrokersAndTheSchemaRegistry() {
        assertThatThrownBy(() -> TaggerConfigLoader.load(Map.of(), Map.of(), Optional.empty()))
                .asInstanceOf(type(ConfigException.class))
                .extracting(ConfigException::problems)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(
                        "bootstrap.servers is required: set flag bootstrap.servers, IMAGEPIPE_BOOTSTRAP_SERVERS or"
                                + " bootstrap.servers in the properties file",
                        "schema.registry.url is required: set flag schema.registry.url, IMAGEPIPE_SCHEMA_REGISTRY_URL"
                                + " or schema.registry.url in the properties file");
    }

    private Path properties(String... lines) throws IOException {
        Path file = dir.resolve("tagger.properties");
        Files.write(file, List.of(lines));
        return file;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> result = new HashMap<>(base);
        result.put(key, value);
        return result;
    }
}
