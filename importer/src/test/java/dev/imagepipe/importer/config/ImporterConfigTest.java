package dev.imagepipe.importer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.registry.transport.RetryPolicy;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ImporterConfigTest {

    private final ImporterConfig defaults = ImporterConfig.defaults("kafka:9092", "http://registry:8081");

    @Test
    void givesKafkaStreamsItsIdentityStateGuaranteeAndSchemaRegistry() {
        Properties properties = defaults.toStreamsProperties();

        assertThat(properties)
                .containsEntry("application.id", "imagepipe-importer")
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("num.stream.threads", "2")
                .containsEntry("state.dir", ImporterConfig.DEFAULT_STATE_DIR.toString())
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("commit.interval.ms", "100")
                .containsEntry("schema.registry.url", "http://registry:8081")
                .doesNotContainKey("replication.factor");
    }

    @Test
    void setsTheReplicationFactorOnlyWhenConfigured() {
        ImporterConfig replicated = withReplicationFactor((short) 3);

        assertThat(replicated.toStreamsProperties()).containsEntry("replication.factor", "3");
    }

    @Test
    void keepsPollAndTransactionLimitsAboveTheFetchTimeout() {
        Properties properties = withFetchTimeout(Duration.ofMinutes(7)).toStreamsProperties();

        assertThat(properties)
                .containsEntry(
                        "max.poll.interval.ms",
                        Long.toString(Duration.ofMinutes(8).toMillis()))
                .containsEntry("max.poll.records", "100")
                .containsEntry(
                        "producer.transaction.timeout.ms",
                        Long.toString(Duration.ofMinutes(8).toMillis()));
    }

    @Test
    void reachesTheConsumerAndProducerThatKafkaStreamsBuilds() {
        StreamsConfig streams = new StreamsConfig(defaults.toStreamsProperties());

        Map<String, Object> consumer = streams.getMainConsumerConfigs("group", "client", 0);
        Map<String, Object> producer = streams.getProducerConfigs("client");

        assertThat(consumer)
                .containsEntry(
                        "max.poll.interval.ms",
                        Long.toString(Duration.ofMinutes(6).toMillis()))
                .containsEntry("max.poll.records", "100");
        assertThat(producer)
                .containsEntry(
                        "transaction.timeout.ms",
                        Long.toString(Duration.ofMinutes(6).toMillis()));
    }

    @Test
    void neverLowersThePollIntervalBelowKafkasDefault() {
        Properties properties = withFetchTimeout(Duration.ofSeconds(30)).toStreamsProperties();

        assertThat(properties).containsEntry("max.poll.interval.ms", "300000");
    }

    @Test
    void capsTheTransactionTimeoutAtTheBrokersDefaultMaximum() {
        Properties properties = withFetchTimeout(Duration.ofMinutes(30)).toStreamsProperties();

        assertThat(properties)
                .containsEntry(
                        "max.poll.interval.ms",
                        Long.toString(Duration.ofMinutes(31).toMillis()))
                .containsEntry(
                        "producer.transaction.timeout.ms",
                        Long.toString(Duration.ofMinutes(15).toMillis()));
    }

    @Test
    void setsNoTransactionTimeoutWithoutExactlyOnce() {
        ImporterConfig atLeastOnce = ImporterConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "processing.guarantee", "at_least_once"),
                Map.of(),
                Optional.empty());

        assertThat(atLeastOnce.toStreamsProperties()).doesNotContainKey("producer.transaction.timeout.ms");
    }

    @Test
    void letsPassedThroughKafkaPropertiesOverrideEverythingDerived() {
        ImporterConfig config = ImporterConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "kafka.max.poll.records", "10",
                        "kafka.application.id", "other",
                        "kafka.security.protocol", "SASL_SSL"),
                Map.of(),
                Optional.empty());

        assertThat(config.toStreamsProperties())
                .containsEntry("max.poll.records", "10")
                .containsEntry("application.id", "other")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void mapsTimeoutsAndPrivateHostsToTheRegistryClientsOptions() {
        ImporterConfig config = ImporterConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "importer.connect-timeout", "2s",
                        "importer.request-timeout", "45s",
                        "importer.allowed-private-hosts", "registry.internal"),
                Map.of(),
                Optional.empty());

        TransportOptions transport = config.transportOptions();
        RequestOptions request = config.requestOptions();

        assertThat(transport.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(transport.readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(transport.allowedPrivateHosts()).containsExactly("registry.internal");
        assertThat(transport.insecure()).isFalse();
        assertThat(transport.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(request.transport()).isEqualTo(transport);
        assertThat(request.credentials()).isEmpty();
    }

    @Test
    void hidesSecretKafkaPropertiesAndRegistryPasswordsWhenPrinted() {
        ImporterConfig config = ImporterConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "https://bob:s3cret@sr1:8081,https://sr2:8081",
                        "kafka.sasl.jaas.config", "PlainLoginModule required password=\"jaas-pw\";",
                        "kafka.ssl.truststore.password", "ts-pw",
                        "kafka.basic.auth.user.info", "alice:ui-pw",
                        "kafka.sasl.oauthbearer.token.endpoint.url", "https://idp/token-pw",
                        "kafka.sasl.oauthbearer.client.credentials.client.secret", "client-secret-pw",
                        "kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY----- pem-pw",
                        "kafka.client.id", "importer-1",
                        "kafka.some.url", "http://carol:url-pw@host/"),
                Map.of(),
                Optional.empty());

        String printed = config.toString();

        assertThat(printed)
                .doesNotContain("s3cret", "bob", "jaas-pw", "ts-pw", "ui-pw", "token-pw", "client-secret-pw")
                .doesNotContain("pem-pw", "url-pw")
                .contains("schemaRegistryUrl=https://[hidden]@sr1:8081,https://sr2:8081")
                .contains("sasl.jaas.config=[hidden]")
                .contains("client.id=importer-1")
                .contains("some.url=http://[hidden]@host/")
                .startsWith("ImporterConfig[bootstrapServers=kafka:9092, ")
                .contains("fetchConcurrency=32", "defaultPlatform=linux/amd64", "metricsPort=OptionalInt.empty");
    }

    @Test
    void refusesInvalidValuesWhenBuiltDirectly() {
        assertThatThrownBy(() -> ImporterConfig.defaults(" ", "http://registry:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrapServers is required");
        assertThatThrownBy(() -> withFetchTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetchTimeout");
    }

    private ImporterConfig withFetchTimeout(Duration fetchTimeout) {
        ImporterConfig d = defaults;
        return new ImporterConfig(
                d.bootstrapServers(),
                d.schemaRegistryUrl(),
                d.topicPrefix(),
                d.applicationId(),
                d.streamThreads(),
                d.stateDir(),
                d.replicationFactor(),
                d.processingGuarantee(),
                d.commitInterval(),
                d.fetchConcurrency(),
                d.maxInFlight(),
                d.perRegistryConcurrency(),
                d.perRegistryRate(),
                d.perRegistryBurst(),
                d.connectTimeout(),
                d.requestTimeout(),
                fetchTimeout,
                d.dockerConfigFiles(),
                d.credentialsDirectory(),
                d.defaultPlatform(),
                d.policyName(),
                d.defaultImportMode(),
                d.maxImagesBulkImportedPerRepository(),
                d.allowedPrivateHosts(),
                d.discoverSignatures(),
                d.knownImagesCapacity(),
                d.metricsPort(),
                d.kafkaProperties());
    }

    private ImporterConfig withReplicationFactor(short factor) {
        return ImporterConfigLoader.load(
                Map.of(
                        "bootstrap.servers", "kafka:9092",
                        "schema.registry.url", "http://registry:8081",
                        "replication.factor", Short.toString(factor)),
                Map.of(),
                Optional.empty());
    }
}
