package dev.imagepipe.auditor.log;

import java.util.Objects;
import java.util.Optional;

/**
 * An image from {@code images} (Avro {@code Image}, key: its digest), reduced to what audits use.
 *
 * @param digest {@code metadata.name}: the manifest digest
 * @param dockerImageReference the pull spec by digest; the reference signatures are verified for
 * @param manifestMediaType the manifest's media type
 * @param manifest the raw manifest JSON, when the record kept it (DESIGN decision 10: {@code images} always does)
 */
public record ImageEntry(
        String digest, String dockerImageReference, String manifestMediaType, Optional<String> manifest) {

    public ImageEntry {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(dockerImageReference, "dockerImageReference");
        Objects.requireNonNull(manifestMediaType, "manifestMediaType");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** This entry without its manifest: once checked, the bytes need not stay in memory for the rest of a replay. */
    public ImageEntry withoutManifest() {
        return manifest.isEmpty()
                ? this
                : new ImageEntry(digest, dockerImageReference, manifestMediaType, Optional.empty());
    }
}
