package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.PolicyEntry;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.SignatureState;
import dev.imagepipe.tagger.signature.ConditionStatus;
import dev.imagepipe.tagger.signature.SignatureVerdict;
import dev.imagepipe.tagger.signature.TargetImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Rule#SIGNATURE_REVERIFIES}: every {@code signatures} record the tagger judged {@code Trusted=True} verifies
 * again, with the tagger's own verifier, for the image as {@code images} holds it, with the keys of the policy in force
 * at the verdict's time: the {@code Trusted} condition's last probe, or the record's timestamp without one.
 */
public final class SignaturesReverify {

    private SignaturesReverify() {}

    /**
     * @param policyName the policy whose trusted keys the tagger applies
     */
    public static List<Violation> check(AuditLog log, String policyName) {
        PolicyTimeline policies = new PolicyTimeline(log.policies(), policyName);
        Map<String, Logged<ImageEntry>> images = AuditLog.latestByKey(log.images());
        List<Violation> violations = new ArrayList<>();
        for (Logged<SignatureEntry> record : log.signatures()) {
            if (record.value().isPresent() && record.get().trustedTrue()) {
                check(record, images, policies).ifPresent(violations::add);
            }
        }
        return violations;
    }

    private static Optional<Violation> check(
            Logged<SignatureEntry> record, Map<String, Logged<ImageEntry>> images, PolicyTimeline policies) {
        SignatureEntry signature = record.get();
        Instant at = signature.trusted().flatMap(SignatureState::lastProbeTime).orElse(record.timestamp());
        Evidence here = Evidence.of(record, "Trusted=True " + signature.type() + " signature, verified at " + at);
        Logged<ImageEntry> image = images.get(signature.digest());
        if (image == null || image.value().isEmpty()) {
            return Optional.of(Violation.of(
                    Rule.SIGNATURE_REVERIFIES,
                    signature.name() + " is Trusted, but its image " + signature.digest() + " is not in images",
                    here));
        }
        Evidence imageEvidence = Evidence.of(image, "image " + image.get().dockerImageReference());
        if (signature.content().isEmpty()) {
            return Optional.of(Violation.of(
                    Rule.SIGNATURE_REVERIFIES,
                    signature.name() + " is Trusted, but its content cannot be verified (type " + signature.type()
                            + ")",
                    here,
                    imageEvidence));
        }
        TargetImage target;
        try {
            target = TargetImage.of(signature.digest(), image.get().dockerImageReference());
        } catch (IllegalArgumentException e) {
            return Optional.of(Violation.of(
                    Rule.SIGNATURE_REVERIFIES,
                    signature.name() + " is Trusted, but its image reference cannot be read: " + e.getMessage(),
                    here,
                    imageEvidence));
        }
        SignatureVerdict verdict =
                policies.verifierAt(at).verify(signature.content().get(), target, at);
        if (verdict.trusted() == ConditionStatus.TRUE) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>(List.of(here, imageEvidence));
        policies.recordAt(at).ifPresent(policy -> evidence.add(Evidence.of(policy, describe(policy))));
        return Optional.of(new Violation(
                Rule.SIGNATURE_REVERIFIES,
                signature.name() + " is Trusted, but verifying it again with the keys in force at " + at + " gives "
                        + verdict.reason().wireName() + ": " + verdict.message(),
                evidence));
    }

    private static String describe(Logged<PolicyEntry> policy) {
        return policy.value()
                .map(p -> "policy " + p.name() + " with trusted keys "
                        + p.trustedKeys().stream().map(k -> k.name()).toList())
                .orElse("policy deleted (tombstone)");
    }
}
