package dev.imagepipe.schemas.registry;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry base URL and the credentials to send to it.
 *
 * @param baseUrl the URL without user info, path without a trailing slash; safe to print
 * @param credentials basic credentials for this URL, if any
 */
public record RegistryEndpoint(URI baseUrl, Optional<BasicCredentials> credentials) {

    public RegistryEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info: " + Urls.redact(baseUrl));
        }
    }

    @Override
    public String toString() {
        return baseUrl + (credentials.isPresent() ? " (basic auth)" : "");
    }
}
