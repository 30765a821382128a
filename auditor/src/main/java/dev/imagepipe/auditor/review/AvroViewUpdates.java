package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.topology.AvroPolicies;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.SignatureRequirement;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.tagger.signature.ConditionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies records of the compacted topics to the view, mapping Avro to the view's domain types at this edge. Every
 * method takes the record key and the value, {@code null} for a tombstone, which removes the entry.
 *
 * <ul>
 *   <li>{@code images}, key digest: the digest and {@code dockerImageReference}.
 *   <li>{@code signatures}, key {@code <digest>@<name>}: the status of the {@code Trusted} condition, {@code Unknown}
 *       when there is none (an imported signature is unverified, A14.1).
 *   <li>{@code tags}, key {@code ns/stream:tag}: the image of the newest history item; a tag without items points
 *       nowhere and is removed.
 *   <li>{@code policy}, key policy name: only the view's policy; others are ignored.
 * </ul>
 */
public final class AvroViewUpdates {

    /** The signature condition whose status decides trust (A14.6). */
    static final String TRUSTED = "Trusted";

    private final ImagePolicyView view;

    public AvroViewUpdates(ImagePolicyView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    public void image(String key, Image value) {
        if (value == null) {
            view.removeImage(key);
        } else {
            view.putImage(new ImportedImage(key, value.getDockerImageReference()));
        }
    }

    public void signature(String key, ImageSignature value) {
        if (value == null) {
            view.removeSignature(key);
        } else {
            view.putSignature(key, trusted(value.getConditions()));
        }
    }

    static ConditionStatus trusted(List<SignatureCondition> conditions) {
        return conditions.stream()
                .filter(condition -> condition.getType().equals(TRUSTED))
                .map(condition -> switch (condition.getStatus()) {
                    case True -> ConditionStatus.TRUE;
                    case False -> ConditionStatus.FALSE;
                    case Unknown -> ConditionStatus.UNKNOWN;
                })
                .findFirst()
                .orElse(ConditionStatus.UNKNOWN);
    }

    public void tag(String key, ImageStreamTagView value) {
        List<TagEvent> items = value == null ? List.of() : value.getHistory().getItems();
        if (items.isEmpty()) {
            view.removeTag(key);
            return;
        }
        view.putTag(new TagPointer(
                value.getNamespace(),
                value.getStream(),
                value.getTag(),
                items.get(0).getImage()));
    }

    public void policy(String key, ImportPolicy value) {
        if (!key.equals(view.policyName())) {
            return;
        }
        if (value == null) {
            view.removePolicy();
        } else {
            view.putPolicy(toReviewPolicy(key, value));
        }
    }

    static ReviewPolicy toReviewPolicy(String name, ImportPolicy value) {
        Map<String, Boolean> requirements = new LinkedHashMap<>();
        for (SignatureRequirement requirement : value.getSignatureRequirements()) {
            requirements.put(requirement.getScope(), requirement.getRequireTrustedSignature());
        }
        RegistryPolicy registry;
        try {
            registry = AvroPolicies.registryPolicy(value);
        } catch (IllegalArgumentException e) {
            return new ReviewPolicy.Invalid(name, e.getMessage());
        }
        return ReviewPolicy.of(name, registry, requirements);
    }
}
