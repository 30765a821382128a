package dev.imagepipe.tagger.signature;

import java.util.Objects;
import java.util.Optional;

/**
 * Who vouches for the signing key (SignatureIssuer): for keys from the trust policy, the policy key's name.
 *
 * @param organization organization name, if known
 * @param commonName common name, e.g. the trusted key's name
 */
public record Issuer(Optional<String> organization, Optional<String> commonName) {

    public Issuer {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(commonName, "commonName");
    }

    /** The issuer of signatures verified by {@code key}. */
    static Issuer of(TrustedKey key) {
        return new Issuer(Optional.empty(), Optional.of(key.name()));
    }
}
