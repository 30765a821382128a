package dev.imagepipe.cli.imports;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenShift's defaulting (A2.2) and validation (A2.3) of an ImageStreamImport spec, applied by the CLI before it
 * submits so mistakes are reported at once instead of as a failed result. The importer validates again; these are the
 * same rules, not a replacement.
 */
public final class ImportSpecRules {

    /** The only kind an import may name (A2.3). */
    public static final String DOCKER_IMAGE = "DockerImage";

    /** A legacy {@code from.name} that OpenShift still tolerates (A2.3). */
    static final String LEGACY_WILDCARD = "*";

    private ImportSpecRules() {}

    /**
     * A2.2: an image without {@code to} whose {@code from.name} has a tag is imported into that tag; a digest-only or
     * tag-less one stays untagged. {@code referencePolicy} and {@code importMode} need nothing here: the schema
     * defaults the first to Source and the importer resolves an absent mode from the policy.
     */
    public static ImageImportSpec defaulted(ImageImportSpec image) {
        if (image.getTo() != null) {
            return image;
        }
        return tagOf(image.getFrom().getName())
                .map(tag -> ImageImportSpec.newBuilder(image)
                        .setTo(LocalObjectReference.newBuilder().setName(tag).build())
                        .build())
                .orElse(image);
    }

    /** The tag written in a pull spec, if it parses and has one. */
    static Optional<String> tagOf(String pullSpec) {
        try {
            return ImageReference.parse(pullSpec).tag();
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    /** Everything wrong with {@code spec}, in field order; empty when valid. */
    public static List<Violation> validate(ImageStreamImportSpec spec) {
        List<Violation> violations = new ArrayList<>();
        List<ImageImportSpec> images = spec.getImages();
        for (int i = 0; i < images.size(); i++) {
            String path = "spec.images[" + i + "]";
            ImageImportSpec image = images.get(i);
            checkFrom(path + ".from", image.getFrom(), true, violations);
            if (image.getTo() != null && image.getTo().getName().isEmpty()) {
                violations.add(new Violation(path + ".to.name", "Required value"));
            }
        }
        RepositoryImportSpec repository = spec.getRepository();
        if (repository != null) {
            String path = "spec.repository.from";
            checkFrom(path, repository.getFrom(), false, violations);
            try {
                ImageReference reference =
                        ImageReference.parse(repository.getFrom().getName());
                if (reference.tag().isPresent() || reference.digest().isPresent()) {
                    violations.add(
                            new Violation(path + ".name", "you must specify an image repository, not a tag or ID"));
                }
            } catch (InvalidReferenceException e) {
                // already reported by checkFrom
            }
        }
        if (images.isEmpty() && repository == null) {
            violations.add(new Violation("spec", "you must specify at least one image or a repository import"));
        }
        return violations;
    }

    private static void checkFrom(
            String path, ObjectReference from, boolean wildcardAllowed, List<Violation> violations) {
        if (!DOCKER_IMAGE.equals(from.getKind())) {
            violations.add(new Violation(path + ".kind", "only DockerImage is supported"));
        }
        String name = from.getName();
        if (name.isEmpty()) {
            violations.add(new Violation(path + ".name", "Required value"));
            return;
        }
        if (wildcardAllowed && name.equals(LEGACY_WILDCARD)) {
            return;
        }
        try {
            ImageReference.parse(name);
        } catch (InvalidReferenceException e) {
            violations.add(new Violation(path + ".name", e.problem()));
        }
    }
}
