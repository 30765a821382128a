package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.Objects;

/**
 * One place to fetch an image from, in the order they are tried. Whichever answers, the image is recorded under the
 * reference the user asked for, never under {@code candidate}.
 *
 * @param candidate the reference to fetch: a mirror's repository with the rest of the name and the tag or digest
 * @param mirror whether this is a mirror rather than the source registry
 * @param insecure whether plain HTTP or unverified TLS is allowed for this candidate
 */
public record PullSource(ImageReference candidate, boolean mirror, boolean insecure) {

    public PullSource {
        Objects.requireNonNull(candidate, "candidate");
    }
}
