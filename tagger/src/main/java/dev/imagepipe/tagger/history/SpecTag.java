package dev.imagepipe.tagger.history;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A spec tag: what a tag should point to and how it is imported (Avro {@code TagReference}).
 *
 * @param name the tag name
 * @param annotations annotations applied to images retrieved through this tag
 * @param from what the tag points to; empty for a tag that only carries annotations
 * @param reference true if the tag is a reference only and never imported
 * @param generation the spec generation the tag was last set at (A11.8): empty from legacy writers, 0 asks for
 *     "the stream's generation on the next save"
 * @param importPolicy how the tag is imported
 * @param referencePolicy how the tag resolves to a pull spec (A12); empty means not set explicitly, in which case an
 *     import may set it (A11.4). Avro always carries one (its default is {@code Source}), so tags read from a topic
 *     always have it and an import never changes it
 */
public record SpecTag(
        String name,
        Map<String, String> annotations,
        Optional<TagFrom> from,
        boolean reference,
        Optional<Long> generation,
        TagImportPolicy importPolicy,
        Optional<ReferencePolicy> referencePolicy) {

    public SpecTag {
        Objects.requireNonNull(name, "name");
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(importPolicy, "importPolicy");
        Objects.requireNonNull(referencePolicy, "referencePolicy");
    }

    /** A tag that imports {@code pullSpec}, as an import creates it: generation 0 so the save stamps it (A11.4). */
    public static SpecTag importing(
            String name, String pullSpec, TagImportPolicy importPolicy, ReferencePolicy referencePolicy) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.of(TagFrom.dockerImage(pullSpec)),
                false,
                Optional.of(0L),
                importPolicy,
                Optional.of(referencePolicy));
    }

    /** Importable tags point at a registry and are not references (A13.1). */
    public boolean isImportable() {
        return from.map(TagFrom::isDockerImage).orElse(false) && !reference;
    }

    /** The reference policy in effect: unset means {@link ReferencePolicy#SOURCE} (the API default). */
    public ReferencePolicy effectiveReferencePolicy() {
        return referencePolicy.orElse(ReferencePolicy.SOURCE);
    }

    public SpecTag withFrom(TagFrom value) {
        return new SpecTag(name, annotations, Optional.of(value), reference, generation, importPolicy, referencePolicy);
    }

    public SpecTag withGeneration(long value) {
        return new SpecTag(name, annotations, from, reference, Optional.of(value), importPolicy, referencePolicy);
    }

    public SpecTag withImportPolicy(TagImportPolicy value) {
        return new SpecTag(name, annotations, from, reference, generation, value, referencePolicy);
    }

    public SpecTag withReferencePolicy(ReferencePolicy value) {
        return new SpecTag(name, annotations, from, reference, generation, importPolicy, Optional.of(value));
    }
}
