package dev.imagepipe.tagger.signature;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made the signature (SignatureSubject).
 *
 * @param organization organization name, if known
 * @param commonName common name: the OpenPGP key's primary user ID; empty for bare cosign keys
 * @param publicKeyId {@code 0x} and the 64 lowest bits of the signing key's fingerprint in hex, e.g.
 *     {@code 0x685ebe62bf278440}: the OpenPGP long key ID, or for ECDSA keys the last 8 bytes of the SHA-256 of the
 *     DER {@code SubjectPublicKeyInfo} (the fingerprint cosign and sigstore print)
 */
public record Subject(Optional<String> organization, Optional<String> commonName, String publicKeyId) {

    public Subject {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(publicKeyId, "publicKeyId");
    }

    /** {@code 0x} and 16 lowercase hex digits of {@code keyId}. */
    static String keyId(long keyId) {
        return "0x" + HexFormat.of().toHexDigits(keyId);
    }
}
