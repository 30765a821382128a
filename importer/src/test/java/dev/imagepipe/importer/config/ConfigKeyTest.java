package dev.imagepipe.importer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

    @Test
    void namesTheEnvironmentVariableInUpperSnakeCaseWithoutTheAppPart() {
        assertThat(ConfigKey.BOOTSTRAP_SERVERS.envName()).isEqualTo("IMAGEPIPE_BOOTSTRAP_SERVERS");
        assertThat(ConfigKey.FETCH_CONCURRENCY.envName()).isEqualTo("IMAGEPIPE_FETCH_CONCURRENCY");
        assertThat(ConfigKey.PER_REGISTRY_RATE.envName()).isEqualTo("IMAGEPIPE_PER_REGISTRY_RATE");
        assertThat(ConfigKey.MAX_IN_FLIGHT.envName()).isEqualTo("IMAGEPIPE_MAX_IN_FLIGHT");
        assertThat(ConfigKey.METRICS_PORT.envName()).isEqualTo("IMAGEPIPE_METRICS_PORT");
    }

    @Test
    void givesEverySettingItsOwnKeyAndVariable() {
        assertThat(Arrays.stream(ConfigKey.values()).map(ConfigKey::envName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ConfigKey.values()).map(ConfigKey::key)).doesNotHaveDuplicates();
    }

    @Test
    void keepsEveryKeyInTheOneScheme() {
        assertThat(ConfigKey.values())
                .allSatisfy(key -> assertThat(key.key()).matches("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+"));
    }

    @Test
    void findsASettingByItsKey() {
        assertThat(ConfigKey.byKey("importer.per-registry.burst")).contains(ConfigKey.PER_REGISTRY_BURST);
        assertThat(ConfigKey.byKey("importer.per_registry.burst")).isEmpty();
    }

    @Test
    void marksTheSettingsEveryAppHasAsSharedAndTheImportersOwnAsNot() {
        assertThat(Arrays.stream(ConfigKey.values()).filter(ConfigKey::shared))
                .containsExactly(
                        ConfigKey.BOOTSTRAP_SERVERS,
                        ConfigKey.SCHEMA_REGISTRY_URL,
                        ConfigKey.TOPIC_PREFIX,
                        ConfigKey.APPLICATION_ID,
                        ConfigKey.NUM_STREAM_THREADS,
                        ConfigKey.STATE_DIR,
                        ConfigKey.REPLICATION_FACTOR,
                        ConfigKey.PROCESSING_GUARANTEE,
                        ConfigKey.COMMIT_INTERVAL,
                        ConfigKey.METRICS_PORT);
    }

    @Test
    void leavesAnotherAppsPartInTheVariableWhenTheKeyIsNotItsOwn() {
        assertThat(SettingKey.envName("tagger.history.keep-newest", "tagger."))
                .isEqualTo("IMAGEPIPE_HISTORY_KEEP_NEWEST");
        assertThat(SettingKey.envName("tagger.history.keep-newest", "importer."))
                .isEqualTo("IMAGEPIPE_TAGGER_HISTORY_KEEP_NEWEST");
    }
}
