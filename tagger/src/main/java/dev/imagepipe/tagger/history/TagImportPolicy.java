package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * How images for a tag are imported (Avro {@code TagImportPolicy}).
 *
 * @param insecure whether the import may skip TLS verification or use plain HTTP
 * @param scheduled whether the tag is re-imported periodically (A13.2)
 * @param importMode how manifest lists are imported; empty means the cluster default (A2.2)
 */
public record TagImportPolicy(boolean insecure, boolean scheduled, Optional<Mode> importMode) {

    /** The API default: secure, not scheduled, cluster-default import mode. */
    public static final TagImportPolicy DEFAULT = new TagImportPolicy(false, false, Optional.empty());

    /** Manifest-list import mode (A8; Avro {@code ImportMode}). */
    public enum Mode {
        LEGACY,
        PRESERVE_ORIGINAL
    }

    public TagImportPolicy {
        Objects.requireNonNull(importMode, "importMode");
    }

    public TagImportPolicy withScheduled(boolean value) {
        return new TagImportPolicy(insecure, value, importMode);
    }
}
