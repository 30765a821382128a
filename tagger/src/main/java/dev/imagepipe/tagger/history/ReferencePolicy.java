package dev.imagepipe.tagger.history;

/** How a tag's image is resolved to a pull spec for consumers (A12; Avro {@code ReferencePolicyType}). */
public enum ReferencePolicy {
    /** Pull from where the image was imported: items[0] {@code dockerImageReference}. */
    SOURCE,
    /** Pull through the internal registry: {@code <status.dockerImageRepository>@<digest>}. */
    LOCAL
}
