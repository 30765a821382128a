package dev.imagepipe.importer.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void expiresAfterExpiresInFromNow() throws Exception {
        BearerToken token = BearerToken.fromResponse(json("{\"token\":\"t\",\"expires_in\":300}"), NOW);

        assertThat(token.token()).isEqualTo("t");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void defaultsTheLifetimeToSixtySeconds() throws Exception {
        assertThat(BearerToken.fromResponse(json("{\"token\":\"t\"}"), NOW).expiresAt())
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void floorsShortLifetimesAtSixtySeconds() throws Exception {
        assertThat(BearerToken.fromResponse(json("{\"token\":\"t\",\"expires_in\":5}"), NOW)
                        .expiresAt())
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void countsFromIssuedAtWhenGiven() throws Exception {
        BearerToken token = BearerToken.fromResponse(
                json("{\"token\":\"t\",\"expires_in\":120,\"issued_at\":\"2026-03-01T11:59:30Z\"}"), NOW);

        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-03-01T12:01:30Z"));
    }

    @Test
    void acceptsAccessTokenInPlaceOfToken() throws Exception {
        assertThat(BearerToken.fromResponse(json("{\"access_token\":\"a\"}"), NOW)
                        .token())
                .isEqualTo("a");
    }

    @Test
    void rejectsResponsesWithoutAToken() {
        assertThatThrownBy(() -> BearerToken.fromResponse(json("{\"expires_in\":60}"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopsBeingUsableShortlyBeforeExpiry() throws Exception {
        BearerToken token = BearerToken.fromResponse(json("{\"token\":\"t\",\"expires_in\":60}"), NOW);

        assertThat(token.isUsable(NOW.plusSeconds(49))).isTrue();
        assertThat(token.isUsable(NOW.plusSeconds(50))).isFalse();
        assertThat(token.toString()).doesNotContain("\"t\"").contains("redacted");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
