package dev.imagepipe.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImporterFlagsTest {

    @Test
    void keepsTheUsersSettingsAndAddsFixedValues() {
        Map<String, String> flags = ImporterFlags.of(Map.of("importer.fetch.concurrency", "4"))
                .fixed(ConfigKey.BOOTSTRAP_SERVERS, "kafka:9092", "--bootstrap-server")
                .toMap();

        assertThat(flags)
                .containsOnly(
                        Map.entry("importer.fetch.concurrency", "4"), Map.entry("bootstrap.servers", "kafka:9092"));
    }

    @Test
    void refusesASetThatContradictsAFixedValueNamingBoth() {
        ImporterFlags flags = ImporterFlags.of(Map.of("bootstrap.servers", "other:9092"))
                .fixed(ConfigKey.BOOTSTRAP_SERVERS, "kafka:9092", "--bootstrap-server");

        assertThatThrownBy(flags::toMap)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--set bootstrap.servers=other:9092")
                .hasMessageContaining("--bootstrap-server (kafka:9092)");
    }

    @Test
    void acceptsASetThatRepeatsAFixedValue() {
        Map<String, String> flags = ImporterFlags.of(Map.of("topic.prefix", "p."))
                .fixed(ConfigKey.TOPIC_PREFIX, "p.", "--topic-prefix")
                .toMap();

        assertThat(flags).containsEntry("topic.prefix", "p.");
    }

    @Test
    void aDefaultGivesWayToTheUsersSetting() {
        Map<String, String> flags = ImporterFlags.of(Map.of("state.dir", "/var/lib/importer"))
                .defaulted(ConfigKey.STATE_DIR, "data/importer")
                .defaulted(ConfigKey.NUM_STREAM_THREADS, "1")
                .toMap();

        assertThat(flags).containsEntry("state.dir", "/var/lib/importer").containsEntry("num.stream.threads", "1");
    }

    @Test
    void namesTheConfigFileUnderTheLoadersKey() {
        Map<String, String> flags = ImporterFlags.of(Map.of())
                .configFile(Path.of("importer.properties"))
                .toMap();

        assertThat(flags).containsEntry(ImporterConfigLoader.CONFIG_FILE_KEY, "importer.properties");
    }

    @Test
    void reportsEveryConflictAtOnce() {
        ImporterFlags flags = ImporterFlags.of(Map.of(
                        "bootstrap.servers", "a:1", "schema.registry.url", "http://b", "config.file", "x.properties"))
                .fixed(ConfigKey.BOOTSTRAP_SERVERS, "c:1", "--bootstrap-server")
                .fixed(ConfigKey.SCHEMA_REGISTRY_URL, "http://d", "--schema-registry")
                .configFile(Path.of("y.properties"));

        assertThatThrownBy(flags::toMap).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(3));
    }
}
