package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.List;
import java.util.Objects;

/**
 * A public key an administrator trusts to sign images in some scopes (policy {@code trustedKeys}). Public material only.
 * The material is parsed when the key is built, so a policy with an unreadable key fails where it is read, not later
 * as a puzzling verdict.
 *
 * @param name the key's name in the policy; reported as the issuer of signatures it verifies
 * @param type what kind of key {@code publicKey} is
 * @param publicKey ASCII-armored OpenPGP public key(s) for {@link KeyType#SIMPLE_SIGNING_GPG}, a PEM
 *     {@code PUBLIC KEY} for {@link KeyType#COSIGN_ECDSA}
 * @param scopes where the key is trusted: {@code registry}, {@code registry/namespace}, {@code registry/namespace/repo}
 *     or {@code *.domain}; the most specific scope matching an image decides which keys are in force
 *     ({@link TrustPolicy}). Empty means the global default: every image whose repository no scoped key covers.
 * @param identity how the signed identity must match the image
 * @param validity when the key may vouch for images
 */
public record TrustedKey(
        String name,
        KeyType type,
        String publicKey,
        List<RegistryScope> scopes,
        IdentityRule identity,
        KeyValidity validity) {

    /** @throws IllegalArgumentException when {@code publicKey} is not a readable key of {@code type} */
    public TrustedKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKey, "publicKey");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(validity, "validity");
        switch (type) {
            case SIMPLE_SIGNING_GPG -> OpenPgpVerification.parseKeyRings(name, publicKey);
            case COSIGN_ECDSA -> CosignVerification.parsePublicKey(name, publicKey);
        }
    }

    /** A key of {@code type} trusted in {@code scopes}, with the default identity rule and no validity limits. */
    public static TrustedKey of(String name, KeyType type, String publicKey, String... scopes) {
        return new TrustedKey(
                name,
                type,
                publicKey,
                List.of(scopes).stream().map(RegistryScope::new).toList(),
                IdentityRule.DEFAULT,
                KeyValidity.ALWAYS);
    }

    /** This key with {@code rule} as its identity rule. */
    public TrustedKey withIdentity(IdentityRule rule) {
        return new TrustedKey(name, type, publicKey, scopes, rule, validity);
    }

    /** This key with {@code newValidity}. */
    public TrustedKey withValidity(KeyValidity newValidity) {
        return new TrustedKey(name, type, publicKey, scopes, identity, newValidity);
    }

    @Override
    public String toString() {
        return "TrustedKey[" + name + ", " + type + ", scopes " + scopes + "]";
    }
}
