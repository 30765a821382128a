package dev.imagepipe.importer.image;

import java.util.Objects;

/**
 * One entry of a manifest list or index (Avro {@code ImageManifest}), plus whether it is an attestation.
 *
 * @param digest the child manifest's digest; it names an Image
 * @param mediaType the child manifest's media type
 * @param manifestSize the size of the raw child manifest in bytes
 * @param architecture e.g. {@code amd64}; empty when the entry declares no platform
 * @param os e.g. {@code linux}; empty when the entry declares no platform
 * @param variant e.g. {@code v8}, or {@code null}
 * @param attestation whether the entry is an attestation (platform {@code unknown/unknown} or annotated with
 *     {@code vnd.docker.reference.type}); never chosen as the runnable image
 */
public record ChildManifest(
        String digest,
        String mediaType,
        long manifestSize,
        String architecture,
        String os,
        String variant,
        boolean attestation) {

    public ChildManifest {
        Objects.requireNonNull(digest, "digest");
        mediaType = mediaType == null ? "" : mediaType;
        architecture = architecture == null ? "" : architecture;
        os = os == null ? "" : os;
    }

    public Platform platform() {
        return new Platform(os, architecture, variant);
    }
}
