package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.policy.RegistryScope;
import dev.imagepipe.schemas.avro.SignedIdentity;
import dev.imagepipe.tagger.signature.IdentityRule;
import dev.imagepipe.tagger.signature.KeyType;
import dev.imagepipe.tagger.signature.KeyValidity;
import dev.imagepipe.tagger.signature.TrustedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the policy's Avro {@code trustedKeys} to {@link TrustedKey}s. A key this code cannot use — type {@code Unknown}
 * (a kind added after this build), unreadable material, an invalid scope or identity rule — is dropped with a log line
 * rather than failing the whole policy: the signatures it would have verified then get the verdict of a policy without
 * it, which is the closed side.
 */
public final class AvroTrustedKeys {

    private static final Logger log = LoggerFactory.getLogger(AvroTrustedKeys.class);

    private AvroTrustedKeys() {}

    static List<TrustedKey> toDomain(String policyName, List<dev.imagepipe.schemas.avro.TrustedKey> keys) {
        var out = new ArrayList<TrustedKey>(keys.size());
        for (var key : keys) {
            try {
                toDomain(key)
                        .ifPresentOrElse(
                                out::add,
                                () -> log.warn(
                                        "policy {}: trusted key {} has a key type this tagger does not know; it is ignored",
                                        policyName,
                                        key.getName()));
            } catch (IllegalArgumentException e) {
                log.warn("policy {}: trusted key {} is ignored: {}", policyName, key.getName(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * One key; empty for a key type this build does not know. Also used by the auditor, which re-verifies with the
     * keys the tagger used.
     *
     * @throws IllegalArgumentException when the key material, a scope or the identity rule is unusable
     */
    public static Optional<TrustedKey> toDomain(dev.imagepipe.schemas.avro.TrustedKey key) {
        Optional<KeyType> type =
                switch (key.getKeyType()) {
                    case SimpleSigningGPG -> Optional.of(KeyType.SIMPLE_SIGNING_GPG);
                    case CosignECDSA -> Optional.of(KeyType.COSIGN_ECDSA);
                    case Unknown -> Optional.empty();
                };
        return type.map(t -> new TrustedKey(
                key.getName(),
                t,
                key.getPublicKey(),
                key.getScopes().stream().map(RegistryScope::new).toList(),
                identity(key.getIdentity()),
                new KeyValidity(Optional.ofNullable(key.getValidFrom()), Optional.ofNullable(key.getValidUntil()))));
    }

    private static IdentityRule identity(SignedIdentity identity) {
        return switch (identity.getType()) {
            case MatchRepoDigestOrExact -> new IdentityRule.MatchRepoDigestOrExact();
            case MatchExact -> new IdentityRule.MatchExact();
            case MatchRepository -> new IdentityRule.MatchRepository();
            case RemapIdentity ->
                new IdentityRule.RemapIdentity(
                        nonNull(identity.getPrefix(), "prefix"), nonNull(identity.getSignedPrefix(), "signedPrefix"));
        };
    }

    private static String nonNull(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("remapIdentity needs " + field);
        }
        return value;
    }
}
