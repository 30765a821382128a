package dev.imagepipe.tagger.signature;

import java.util.Objects;

/**
 * The image a signature is verified for.
 *
 * @param digest the image's manifest digest, {@code sha256:...}; the signed digest must equal it exactly
 * @param reference the repository the image was imported as, with its tag when imported by tag (the reference the
 *     signed identity is matched against)
 */
public record TargetImage(String digest, DockerReference reference) {

    public TargetImage {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(reference, "reference");
    }

    /** Parses {@code reference} as a pull spec. */
    public static TargetImage of(String digest, String reference) {
        return new TargetImage(digest, DockerReference.parse(reference));
    }
}
