package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "401, '', UNAUTHORIZED",
        "403, '', FORBIDDEN",
        "401, DENIED, FORBIDDEN",
        "404, '', NOT_FOUND",
        "404, NAME_UNKNOWN, NOT_FOUND",
        "404, MANIFEST_UNKNOWN, NOT_FOUND",
        "404, BLOB_UNKNOWN, NOT_FOUND",
        "429, '', RATE_LIMITED",
        "503, TOOMANYREQUESTS, RATE_LIMITED",
        "500, '', REGISTRY_UNAVAILABLE",
        "502, '', REGISTRY_UNAVAILABLE",
        "503, UNAVAILABLE, REGISTRY_UNAVAILABLE",
        "408, '', TIMEOUT"
    })
    void mapsStatusAndCodesToReasons(int status, String code, FailureReason expected) {
        assertThat(RegistryErrors.reasonFor(status, code.isEmpty() ? List.of() : List.of(code)))
                .isEqualTo(expected);
    }

    @Test
    void readsCodesAndMessagesFromTheErrorBody() {
        RegistryException e = RegistryErrors.fromResponse(
                response(
                        404,
                        Map.of(),
                        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
                                + "\"detail\":{\"Tag\":\"nope\"}}]}"),
                "manifest r/app:nope",
                Clock.systemUTC());

        assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCodes()).containsExactly("MANIFEST_UNKNOWN");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("manifest r/app:nope", "MANIFEST_UNKNOWN", "manifest unknown");
    }

    @Test
    void rateLimitIsTransientAndCarriesRetryAfter() {
        RegistryException e = RegistryErrors.fromResponse(
                response(429, Map.of("Retry-After", List.of("12")), "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}"),
                "manifest r/app:1",
                Clock.systemUTC());

        assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void toleratesBodiesThatAreNotErrorJson() {
        assertThat(RegistryErrors.parseErrors("<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(RegistryErrors.parseErrors(new byte[0])).isEmpty();
        assertThat(RegistryErrors.fromResponse(response(502, Map.of(), "<html/>"), "x", Clock.systemUTC())
                        .reason())
                .isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
    }

    static RegistryResponse response(int status, Map<String, List<String>> headers, String body) {
        return new RegistryResponse(
                status,
                HttpHeaders.of(headers, (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8),
                URI.create("https://registry.example.com/v2/"));
    }
}
