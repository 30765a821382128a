package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.PolicyEntry;
import dev.imagepipe.tagger.signature.SignatureVerifier;
import dev.imagepipe.tagger.signature.TrustPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trusted keys of one policy over time, from its {@code policy} records: the keys in force at an instant are
 * those of the last record stamped at or before it (none before the first record, or after a tombstone, as the tagger
 * then runs on the schema defaults, which trust no key). Verifiers are built once per record: key material is parsed
 * when a policy is built.
 */
final class PolicyTimeline {

    private static final TrustPolicy NO_KEYS = new TrustPolicy(List.of());

    private final List<Logged<PolicyEntry>> records;
    private final Map<Integer, SignatureVerifier> verifiers = new HashMap<>();

    /**
     * @param all every {@code policy} record, in log order
     * @param policyName the policy the tagger reads
     */
    PolicyTimeline(List<Logged<PolicyEntry>> all, String policyName) {
        this.records = all.stream().filter(r -> r.key().equals(policyName)).toList();
    }

    /** The record in force at {@code at}, if any. */
    Optional<Logged<PolicyEntry>> recordAt(Instant at) {
        Logged<PolicyEntry> found = null;
        for (Logged<PolicyEntry> record : records) {
            if (!record.timestamp().isAfter(at)) {
                found = record;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A verifier with the keys in force at {@code at}. */
    SignatureVerifier verifierAt(Instant at) {
        Optional<Logged<PolicyEntry>> record = recordAt(at);
        if (record.isEmpty() || record.get().value().isEmpty()) {
            return new SignatureVerifier(NO_KEYS);
        }
        return verifiers.computeIfAbsent(
                records.indexOf(record.get()),
                i -> new SignatureVerifier(new TrustPolicy(record.get().get().trustedKeys())));
    }
}
