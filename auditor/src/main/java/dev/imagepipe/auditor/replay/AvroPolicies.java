package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.PolicyEntry;
import dev.imagepipe.importer.policy.RegistryScope;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.SignedIdentity;
import dev.imagepipe.tagger.signature.IdentityRule;
import dev.imagepipe.tagger.signature.KeyType;
import dev.imagepipe.tagger.signature.KeyValidity;
import dev.imagepipe.tagger.signature.TrustedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a {@code policy} value's trusted keys to the tagger's {@link TrustedKey}s, leaving out (and naming) the keys
 * the tagger leaves out: an {@code Unknown} key type, unreadable material, an invalid scope or identity rule. The
 * tagger's own mapping lives in its topology package, which is not a public API; this follows the same rules.
 */
final class AvroPolicies {

    private AvroPolicies() {}

    static PolicyEntry policy(ImportPolicy policy) {
        List<TrustedKey> keys = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (var key : policy.getTrustedKeys()) {
            try {
                toDomain(key).ifPresentOrElse(keys::add, () -> unusable.add(key.getName() + ": unknown key type"));
            } catch (IllegalArgumentException e) {
                unusable.add(key.getName() + ": " + e.getMessage());
            }
        }
        return new PolicyEntry(policy.getName(), keys, unusable);
    }

    private static Optional<TrustedKey> toDomain(dev.imagepipe.schemas.avro.TrustedKey key) {
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
            case RemapIdentity -> {
                if (identity.getPrefix() == null || identity.getSignedPrefix() == null) {
                    throw new IllegalArgumentException("remapIdentity needs prefix and signedPrefix");
                }
                yield new IdentityRule.RemapIdentity(identity.getPrefix(), identity.getSignedPrefix());
            }
        };
    }
}
