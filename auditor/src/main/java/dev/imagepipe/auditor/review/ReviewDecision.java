package dev.imagepipe.auditor.review;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code status} of an ImageReview (seed 000): the answer for one pod.
 *
 * @param allowed whether every image may run
 * @param reason empty when allowed, else why not, naming each offending image and rule
 * @param auditAnnotations prefix-less keys the API server adds to the audit event (it prefixes them with
 *     {@code imagepolicywebhook.image-policy.k8s.io/})
 */
public record ReviewDecision(boolean allowed, String reason, Map<String, String> auditAnnotations) {

    public ReviewDecision {
        Objects.requireNonNull(reason, "reason");
        auditAnnotations = Map.copyOf(auditAnnotations);
    }
}
