package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.PolicyEntry;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.tagger.signature.TrustedKey;
import dev.imagepipe.tagger.topology.AvroTrustedKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@code policy} value's trusted keys to the tagger's {@link TrustedKey}s, leaving out (and naming) the keys
 * the tagger leaves out: an {@code Unknown} key type, unreadable material, an invalid scope or identity rule. Each key
 * is mapped by the tagger's own {@link AvroTrustedKeys}, so the auditor re-verifies with exactly the keys the tagger
 * used.
 */
final class AvroPolicies {

    private AvroPolicies() {}

    static PolicyEntry policy(ImportPolicy policy) {
        List<TrustedKey> keys = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (var key : policy.getTrustedKeys()) {
            try {
                AvroTrustedKeys.toDomain(key)
                        .ifPresentOrElse(keys::add, () -> unusable.add(key.getName() + ": unknown key type"));
            } catch (IllegalArgumentException e) {
                unusable.add(key.getName() + ": " + e.getMessage());
            }
        }
        return new PolicyEntry(policy.getName(), keys, unusable);
    }
}
