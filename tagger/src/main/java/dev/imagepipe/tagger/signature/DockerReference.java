package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import java.util.Objects;
import java.util.Optional;

/**
 * A docker reference normalized the way containers/image compares identities ({@code reference.ParseNormalizedNamed}):
 * the repository name with Docker Hub defaults ({@code busybox} is {@code docker.io/library/busybox}), plus the tag and
 * digest exactly as written, never defaulted, because a signature must claim its tag explicitly.
 *
 * @param name the normalized repository name, e.g. {@code quay.io/ns/repo}
 * @param tag the tag, if written
 * @param digest the digest, if written
 */
public record DockerReference(String name, Optional<String> tag, Optional<String> digest) {

    public DockerReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Parses a pull spec with the importer's reference grammar (A1).
     *
     * @throws IllegalArgumentException when it is not a valid reference or names only a registry
     */
    public static DockerReference parse(String pullSpec) {
        ImageReference parsed;
        try {
            parsed = ImageReference.parse(pullSpec);
        } catch (InvalidReferenceException e) {
            throw new IllegalArgumentException("invalid docker reference \"" + pullSpec + "\": " + e.getMessage(), e);
        }
        if (parsed.name().isEmpty()) {
            throw new IllegalArgumentException("docker reference \"" + pullSpec + "\" names no repository");
        }
        return new DockerReference(parsed.normalizedName(), parsed.tag(), parsed.digest());
    }

    /** Whether neither a tag nor a digest is written: such a reference identifies no image. */
    public boolean nameOnly() {
        return tag.isEmpty() && digest.isEmpty();
    }

    /** {@code name[:tag][@digest]}, the string containers/image compares for exact matches. */
    @Override
    public String toString() {
        return name
                + tag.map(t -> ":" + t).orElse("")
                + digest.map(d -> "@" + d).orElse("");
    }
}
