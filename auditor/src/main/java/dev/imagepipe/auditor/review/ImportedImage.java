package dev.imagepipe.auditor.review;

import java.util.Objects;

/**
 * An Image the importer wrote to the {@code images} topic, reduced to what a review needs.
 *
 * @param digest the manifest digest, the Image's name ({@code sha256:...})
 * @param pullSpec {@code dockerImageReference}: the by-digest pull spec of the registry it was imported from
 */
public record ImportedImage(String digest, String pullSpec) {

    public ImportedImage {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pullSpec, "pullSpec");
    }
}
