package dev.imagepipe.schemas.registry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The trust store used to verify the registry's TLS certificate, from {@code schema.registry.ssl.truststore.*}.
 * {@link #toString()} never shows the password.
 *
 * @param location the trust store file
 * @param password its password, if it has one
 * @param type the {@link java.security.KeyStore} type, e.g. {@code JKS} or {@code PKCS12}
 */
public record TrustStore(Path location, Optional<String> password, String type) {

    public TrustStore {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return "TrustStore[location=" + location + ", type=" + type + ", password="
                + (password.isPresent() ? "[redacted]" : "none") + "]";
    }
}
