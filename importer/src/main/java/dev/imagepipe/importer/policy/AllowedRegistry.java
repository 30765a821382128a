package dev.imagepipe.importer.policy;

import java.util.Objects;

/**
 * An entry of {@code allowedRegistriesForImport} (config.openshift.io/v1 RegistryLocation).
 *
 * @param domainName {@code host} or {@code host:port}; host and port may hold {@code *} and {@code ?} globs
 * @param insecure whether the registry is reached over plain HTTP: a bare host then means port 80, not 443
 */
public record AllowedRegistry(String domainName, boolean insecure) {

    public AllowedRegistry {
        Objects.requireNonNull(domainName, "domainName");
    }
}
