package dev.imagepipe.tagger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.tagger.history.RetentionPolicy;
import dev.imagepipe.tagger.topology.TaggerTopology;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TaggerConfigTest {

    private final TaggerConfig defaults = TaggerConfig.defaults("kafka:9092", "http://registry:8081");

    @Test
    void givesKafkaStreamsItsIdentityStateExactlyOnceAndTheMeasuredCommitInterval() {
        assertThat(defaults.toStreamsProperties())
                .containsEntry("application.id", "imagepipe-tagger")
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("num.stream.threads", "2")
                .containsEntry("state.dir", TaggerConfig.DEFAULT_STATE_DIR.toString())
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("commit.interval.ms", Long.toString(TaggerConfig.DEFAULT_COMMIT_INTERVAL.toMillis()))
                .containsEntry("schema.registry.url", "http://registry:8081")
                .doesNotContainKey("replication.factor");
    }

    @Test
    void letsPassedThroughKafkaPropertiesOverrideEverythingDerived() {
        TaggerConfig config = TaggerConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "kafka.commit.interval.ms", "250",
                        "kafka.client.id", "tagger-1"),
                Map.of(),
                Optional.empty());

        assertThat(config.toStreamsProperties())
                .containsEntry("commit.interval.ms", "250")
                .containsEntry("client.id", "tagger-1");
        assertThat(config.adminConfig())
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("client.id", "tagger-1");
    }

    @Test
    void handsTheTopologyItsPolicyRetentionSchedulingAndClock() {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z"));
        TaggerConfig config = TaggerConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "tagger.policy-name", "strict",
                        "tagger.history.keep-newest", "3",
                        "tagger.scheduled-imports", "false",
                        "tagger.jitter-seed", "7",
                        "tagger.punctuation-interval", "1s"),
                Map.of(),
                Optional.empty());

        assertThat(config.topologySettings(clock))
                .isEqualTo(new TaggerTopology.Settings(
                        "strict", RetentionPolicy.keepNewest(3), false, 7, Duration.ofSeconds(1), clock));
    }

    @Test
    void hidesSecretKafkaPropertiesAndRegistryPasswordsWhenPrinted() {
        TaggerConfig config = TaggerConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "https://bob:s3cret@sr:8081",
                        "kafka.sasl.jaas.config", "PlainLoginModule required password=\"jaas-pw\";"),
                Map.of(),
                Optional.empty());

        assertThat(config.toString())
                .doesNotContain("s3cret", "jaas-pw")
                .startsWith("TaggerConfig[bootstrapServers=kafka:9092, schemaRegistryUrl=https://[hidden]@sr:8081, ")
                .contains("sasl.jaas.config=[hidden]", "applicationId=imagepipe-tagger");
    }

    @Test
    void refusesInvalidValuesWhenBuiltDirectly() {
        assertThatThrownBy(() -> new TaggerConfig(
                        "kafka:9092",
                        "http://registry:8081",
                        "",
                        "tagger",
                        1,
                        TaggerConfig.DEFAULT_STATE_DIR,
                        Optional.empty(),
                        "exactly_once",
                        Duration.ofMillis(100),
                        "cluster",
                        RetentionPolicy.UNLIMITED,
                        true,
                        0,
                        Duration.ofSeconds(5),
                        OptionalInt.empty(),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processingGuarantee");
    }
}
