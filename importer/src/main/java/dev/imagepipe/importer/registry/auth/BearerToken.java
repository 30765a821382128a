package dev.imagepipe.importer.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A token from a token server (Docker token authentication spec) and when it stops being usable. The token is a
 * secret: {@link #toString} hides it.
 */
public record BearerToken(String token, Instant expiresAt) {

    /** The spec's default lifetime when {@code expires_in} is absent: 60 seconds. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

    /** The spec says clients should assume at least 60 seconds; shorter values are floored to avoid refetch storms. */
    public static final Duration MINIMUM_LIFETIME = Duration.ofSeconds(60);

    /** Tokens are renewed this long before they expire so a request never goes out with one about to lapse. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(10);

    /**
     * Reads a token response: {@code token} (or {@code access_token}), {@code expires_in} seconds (default 60,
     * floored at 60) counted from {@code issued_at} when given, else from {@code now}.
     *
     * @throws IllegalArgumentException when the response holds no token
     */
    public static BearerToken fromResponse(JsonNode body, Instant now) {
        String token = body.path("token").asText("");
        if (token.isEmpty()) {
            token = body.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token response has neither token nor access_token");
        }
        Duration lifetime = body.has("expires_in")
                ? Duration.ofSeconds(body.path("expires_in").asLong(0))
                : DEFAULT_LIFETIME;
        if (lifetime.compareTo(MINIMUM_LIFETIME) < 0) {
            lifetime = MINIMUM_LIFETIME;
        }
        Instant issuedAt = now;
        if (body.hasNonNull("issued_at")) {
            try {
                issuedAt = Instant.parse(body.path("issued_at").asText());
            } catch (DateTimeParseException ignored) {
                // A malformed issued_at is the server's problem; counting from now is the safe reading.
            }
        }
        return new BearerToken(token, issuedAt.plus(lifetime));
    }

    /** Whether to still send this token at {@code now}. */
    public boolean isUsable(Instant now) {
        return now.isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY));
    }

    @Override
    public String toString() {
        return "BearerToken[redacted, expiresAt=" + expiresAt + "]";
    }
}
