package dev.imagepipe.auditor.log;

import dev.imagepipe.tagger.signature.TrustedKey;
import java.util.List;
import java.util.Objects;

/**
 * A policy from {@code policy} (Avro {@code ImportPolicy}, key: policy name), reduced to its trusted keys.
 *
 * @param name the policy name
 * @param trustedKeys the keys this build can use
 * @param unusableKeys names and reasons of keys left out (unknown type, unreadable material), as the tagger leaves
 *     them out
 */
public record PolicyEntry(String name, List<TrustedKey> trustedKeys, List<String> unusableKeys) {

    public PolicyEntry {
        Objects.requireNonNull(name, "name");
        trustedKeys = List.copyOf(trustedKeys);
        unusableKeys = List.copyOf(unusableKeys);
    }
}
