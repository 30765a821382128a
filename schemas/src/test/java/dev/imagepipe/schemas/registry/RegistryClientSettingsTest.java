package dev.imagepipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientSettingsTest {

    @Test
    void missingUrlIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void commaSeparatedUrlsAreTriedInOrderWithoutUserInfoOrTrailingSlash() {
        var settings = RegistryClientSettings.fromConfig(
                Map.of("schema.registry.url", "http://a:pw@r1:8081/, https://r2:8443/base/"));

        assertThat(settings.urls()).containsExactly(URI.create("http://r1:8081"), URI.create("https://r2:8443/base"));
        assertThat(settings.endpoints().get(0).credentials()).contains(new BasicCredentials("a", "pw"));
        assertThat(settings.endpoints().get(1).credentials()).isEmpty();
    }

    @Test
    void urlsMayBeGivenAsAList() {
        var settings = RegistryClientSettings.fromConfig(Map.of("schema.registry.url", List.of("http://r1:8081")));

        assertThat(settings.urls()).containsExactly(URI.create("http://r1:8081"));
    }

    @Test
    void nonHttpUrlIsAConfigErrorThatDoesNotEchoTheValue() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(Map.of("schema.registry.url", "s3cret-host:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void userInfoSourceRequiresUserInfo() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(
                        Map.of("schema.registry.url", "http://r:8081", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void malformedUserInfoIsAConfigErrorThatDoesNotEchoTheValue() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(Map.of(
                        "schema.registry.url", "http://r:8081",
                        "basic.auth.credentials.source", "USER_INFO",
                        "basic.auth.user.info", "no-colon-s3cret")))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void unsupportedCredentialsSourceIsAConfigError() {
        assertThatThrownBy(() -> RegistryClientSettings.fromConfig(Map.of(
                        "schema.registry.url", "http://r:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source");
    }

    @Test
    void trustStoreKeysAreReadAndThePasswordIsNeverPrinted() {
        var settings = RegistryClientSettings.fromConfig(Map.of(
                "schema.registry.url", "https://r:8443",
                "schema.registry.ssl.truststore.location", "/etc/registry/truststore.p12",
                "schema.registry.ssl.truststore.password", "s3cret",
                "schema.registry.ssl.truststore.type", "PKCS12"));

        assertThat(settings.trustStore())
                .contains(new TrustStore(
                        Path.of("/etc/registry/truststore.p12"), java.util.Optional.of("s3cret"), "PKCS12"));
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void unreadableTrustStoreIsAConfigErrorWithoutThePassword(@TempDir Path dir) {
        var settings = RegistryClientSettings.fromConfig(Map.of(
                "schema.registry.url", "https://r:8443",
                "schema.registry.ssl.truststore.location",
                        dir.resolve("missing.jks").toString(),
                "schema.registry.ssl.truststore.password", "s3cret"));

        assertThatThrownBy(() -> new RestSchemaRegistryClient(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location")
                .hasMessageNotContaining("s3cret");
    }
}
