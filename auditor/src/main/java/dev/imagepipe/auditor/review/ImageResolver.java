package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the imported Image a container image names: by digest ({@code repo@sha256:...}, whatever repository is
 * written, since the digest alone identifies the content), or by a tag of an image stream in the pod's namespace
 * ({@code <stream>:<tag>}, {@code latest} when no tag is written). A stream tag's resolved pull spec is by digest (A12),
 * so it resolves by digest too. Any other tag is refused: a registry tag can move, so nothing proves what would run.
 */
public final class ImageResolver {

    private final ImagePolicyView view;

    public ImageResolver(ImagePolicyView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /** The outcome of resolving one image. */
    public sealed interface Resolution {

        /** The image names this imported Image. */
        record Resolved(ImportedImage image) implements Resolution {}

        /** The image names no imported Image. */
        record Unresolved(Violation violation) implements Resolution {}
    }

    /** Resolves {@code image} as written in a pod of {@code namespace}. */
    public Resolution resolve(String image, String namespace) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (InvalidReferenceException e) {
            return unresolved(image, ReviewRule.INVALID_REFERENCE, e.getMessage());
        }
        if (reference.name().isEmpty()) {
            return unresolved(image, ReviewRule.INVALID_REFERENCE, "it names a registry but no repository");
        }
        if (reference.digest().isPresent()) {
            String digest = reference.digest().get();
            return byDigest(image, digest, "digest " + digest + " is not an image imported into imagepipe");
        }
        Optional<TagPointer> tag = streamTag(reference, namespace);
        if (tag.isEmpty()) {
            return unresolved(
                    image,
                    ReviewRule.UNRESOLVED_TAG,
                    "it is neither written by digest nor a tag of an image stream in namespace " + namespace);
        }
        TagPointer pointer = tag.get();
        return byDigest(
                image,
                pointer.digest(),
                "image stream tag " + pointer.key() + " points at " + pointer.digest()
                        + ", which is not an image imported into imagepipe");
    }

    /** The stream tag a short name {@code stream[:tag]} stands for; none for names with a registry or a path. */
    private Optional<TagPointer> streamTag(ImageReference reference, String namespace) {
        if (!reference.registry().isEmpty() || !reference.namespace().isEmpty()) {
            return Optional.empty();
        }
        return view.tag(namespace, reference.name(), reference.tag().orElse(ImageReference.DEFAULT_TAG));
    }

    private Resolution byDigest(String image, String digest, String missing) {
        return view.image(digest)
                .<Resolution>map(Resolution.Resolved::new)
                .orElseGet(() -> unresolved(image, ReviewRule.NOT_IMPORTED, missing));
    }

    private static Resolution unresolved(String image, ReviewRule rule, String detail) {
        return new Resolution.Unresolved(new Violation(image, rule, detail));
    }
}
