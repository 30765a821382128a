package dev.imagepipe.importer.registry.manifest;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A content descriptor (OCI image spec {@code descriptor}): what a manifest points at.
 *
 * @param mediaType the media type of the referenced content
 * @param digest its digest
 * @param size its length in bytes
 * @param annotations the descriptor's annotations; empty when none
 * @param platform the entry's platform (index and manifest-list entries only), or {@code null}
 */
public record Descriptor(
        String mediaType, Digest digest, long size, Map<String, String> annotations, ManifestPlatform platform) {

    public Descriptor {
        mediaType = mediaType == null ? "" : mediaType;
        Objects.requireNonNull(digest, "digest");
        annotations = Map.copyOf(annotations);
    }

    public Optional<ManifestPlatform> optionalPlatform() {
        return Optional.ofNullable(platform);
    }
}
