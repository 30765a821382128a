package dev.imagepipe.auditor.review;

import java.util.Map;
import java.util.Optional;

/**
 * The break-glass annotation: a pod annotated {@code <anything>.image-policy.k8s.io/break-glass: "true"} (the
 * Kubernetes convention, e.g. {@code alpha.image-policy.k8s.io/break-glass}) is admitted whatever its images, for
 * emergencies; the decision records it in the audit annotations so it can be reviewed afterwards.
 */
final class BreakGlass {

    /** The key suffix; the API server forwards only keys matching {@code *.image-policy.k8s.io/*} anyway. */
    static final String KEY_SUFFIX = ".image-policy.k8s.io/break-glass";

    /** The value that breaks the glass; anything else, such as {@code "false"}, leaves the policy in force. */
    static final String ENABLED = "true";

    private BreakGlass() {}

    /** The annotation key that breaks the glass, if one does. */
    static Optional<String> keyIn(Map<String, String> annotations) {
        return annotations.entrySet().stream()
                .filter(e ->
                        e.getKey().endsWith(KEY_SUFFIX) && e.getValue().trim().equalsIgnoreCase(ENABLED))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}
