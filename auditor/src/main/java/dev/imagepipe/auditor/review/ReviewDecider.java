package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import dev.imagepipe.tagger.signature.DockerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides an ImageReview from the view: allowed when every container image resolves ({@link ImageResolver}) to an
 * imported Image whose source registry the policy allows and does not block and, where {@code signatureRequirements}
 * cover its repository, that has at least one {@code Trusted=True} signature. The reason names every offending image
 * and the rule it breaks. A break-glass annotation ({@link BreakGlass}) admits anyway and says so in the audit
 * annotations, with the reason it overrode. Reads only the in-memory view; thread-safe.
 */
public final class ReviewDecider {

    /** Audit annotation set when break-glass was used; its value is the annotation key. */
    public static final String AUDIT_BREAK_GLASS = "break-glass";

    /** Audit annotation with the denial break-glass overrode, set only when there was one. */
    public static final String AUDIT_OVERRIDDEN = "break-glass-overridden-reason";

    /**
     * Violations spelled out in a reason; the rest are counted. The API server shows the reason to whoever created
     * the pod and may truncate long ones (seed 000), and a handful is enough to act on.
     */
    static final int MAX_LISTED_VIOLATIONS = 5;

    private final ImagePolicyView view;
    private final ImageResolver resolver;

    public ReviewDecider(ImagePolicyView view) {
        this.view = Objects.requireNonNull(view, "view");
        this.resolver = new ImageResolver(view);
    }

    public ReviewDecision decide(ReviewRequest request) {
        // One policy for the whole review, even if a new one arrives meanwhile.
        ReviewPolicy policy = view.policy();
        List<Violation> violations = new ArrayList<>();
        for (String image : new LinkedHashSet<>(request.images())) {
            check(image, request.namespace(), policy).ifPresent(violations::add);
        }
        String reason = reason(violations);
        Optional<String> breakGlass = BreakGlass.keyIn(request.annotations());
        if (breakGlass.isEmpty()) {
            return new ReviewDecision(violations.isEmpty(), reason, Map.of());
        }
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put(AUDIT_BREAK_GLASS, breakGlass.get());
        if (!violations.isEmpty()) {
            audit.put(AUDIT_OVERRIDDEN, reason);
        }
        return new ReviewDecision(true, "", audit);
    }

    /** The first rule {@code image} breaks, if any. */
    private Optional<Violation> check(String image, String namespace, ReviewPolicy policy) {
        if (policy instanceof ReviewPolicy.Invalid invalid) {
            return Optional.of(new Violation(
                    image,
                    ReviewRule.INVALID_POLICY,
                    "policy \"" + invalid.name() + "\" cannot be applied: " + invalid.problem()));
        }
        ReviewPolicy.Rules rules = (ReviewPolicy.Rules) policy;
        return switch (resolver.resolve(image, namespace)) {
            case ImageResolver.Resolution.Unresolved unresolved -> Optional.of(unresolved.violation());
            case ImageResolver.Resolution.Resolved resolved -> checkSource(image, resolved.image(), rules);
        };
    }

    private Optional<Violation> checkSource(String image, ImportedImage imported, ReviewPolicy.Rules rules) {
        ImageReference source;
        DockerReference repository;
        try {
            source = ImageReference.parse(imported.pullSpec());
            repository = DockerReference.parse(imported.pullSpec());
        } catch (InvalidReferenceException | IllegalArgumentException e) {
            return violation(image, ReviewRule.INVALID_REFERENCE, imported, "its source is not a valid pull spec");
        }
        Optional<String> notAllowed = rules.notAllowed(source);
        if (notAllowed.isPresent()) {
            return violation(image, ReviewRule.NOT_ALLOWED, imported, notAllowed.get());
        }
        if (rules.blocked(source)) {
            return violation(image, ReviewRule.BLOCKED, imported, "registry " + source.registryHost() + " is blocked");
        }
        return rules.signatureRequiredBy(repository)
                .filter(scope -> !view.hasTrustedSignature(imported.digest()))
                .flatMap(scope -> violation(
                        image,
                        ReviewRule.SIGNATURE_REQUIRED,
                        imported,
                        "signatureRequirements scope \"" + scope + "\" requires a Trusted signature and the image has"
                                + " none"));
    }

    private static Optional<Violation> violation(String image, ReviewRule rule, ImportedImage imported, String detail) {
        return Optional.of(new Violation(image, rule, "imported from " + imported.pullSpec() + ": " + detail));
    }

    private static String reason(List<Violation> violations) {
        List<String> listed = new ArrayList<>();
        violations.stream()
                .limit(MAX_LISTED_VIOLATIONS)
                .map(Violation::toString)
                .forEach(listed::add);
        if (violations.size() > MAX_LISTED_VIOLATIONS) {
            listed.add("and " + (violations.size() - MAX_LISTED_VIOLATIONS) + " more");
        }
        return String.join("; ", listed);
    }
}
