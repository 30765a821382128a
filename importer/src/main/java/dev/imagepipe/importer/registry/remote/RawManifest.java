package dev.imagepipe.importer.registry.remote;

import java.util.Optional;

/**
 * A manifest exactly as the registry sent it. Unverified: the {@code manifest} package checks the digest.
 *
 * @param bytes the body, byte for byte
 * @param mediaType {@code Content-Type} (parameters removed)
 * @param dockerContentDigest the registry's {@code Docker-Content-Digest} claim, when sent
 */
public record RawManifest(byte[] bytes, String mediaType, Optional<String> dockerContentDigest) {

    @Override
    public String toString() {
        return "RawManifest[" + mediaType + ", " + bytes.length + " bytes, " + dockerContentDigest.orElse("no digest")
                + "]";
    }
}
