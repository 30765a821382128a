package dev.imagepipe.importer.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry credential: a user name with a password, and/or an identity token (docker's OAuth2 refresh token).
 * {@link #toString} never shows a secret; nothing in this package puts one in a log line or message.
 */
public final class Credential {

    private final String username;
    private final String password;
    private final String identityToken;

    private Credential(String username, String password, String identityToken) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = password;
        this.identityToken = identityToken;
    }

    public static Credential basic(String username, String password) {
        return new Credential(username, Objects.requireNonNull(password, "password"), null);
    }

    /** An identity token, as docker login stores for OAuth2 registries; the user name is informational. */
    public static Credential identityToken(String username, String token) {
        return new Credential(username, null, Objects.requireNonNull(token, "token"));
    }

    public String username() {
        return username;
    }

    /** The value of a {@code Basic} {@code Authorization} header, when this credential has a password. */
    Optional<String> basicAuthorization() {
        if (password == null) {
            return Optional.empty();
        }
        String pair = username + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    Optional<String> refreshToken() {
        return Optional.ofNullable(identityToken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credential that
                && username.equals(that.username)
                && Objects.equals(password, that.password)
                && Objects.equals(identityToken, that.identityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, identityToken);
    }

    /** The user name and which kind of secret, never the secret. */
    @Override
    public String toString() {
        return "Credential[" + username + ", " + (identityToken != null ? "identity token" : "password") + " redacted]";
    }
}
