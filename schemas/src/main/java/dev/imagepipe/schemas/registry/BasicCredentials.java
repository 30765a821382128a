package dev.imagepipe.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP basic credentials for the registry. {@link #toString()} never shows them.
 *
 * @param username the user name
 * @param password the password
 */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses {@code user:password} as Confluent's {@code basic.auth.user.info} and URL user info are written; the
     * password may itself contain colons.
     *
     * @throws IllegalArgumentException without echoing the input when there is no colon
     */
    public static BasicCredentials parse(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("user info must have the form <user>:<password>");
        }
        return new BasicCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    String authorizationHeader() {
        String token = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[redacted]";
    }
}
