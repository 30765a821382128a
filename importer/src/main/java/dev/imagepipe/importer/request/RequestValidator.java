package dev.imagepipe.importer.request;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import dev.imagepipe.importer.registry.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenShift's {@code ValidateImageStreamImport} rules (A2.3), plus the pipeline's own: the record key must name the
 * stream the metadata names, since every downstream topic is keyed by it. An empty result means valid.
 */
public final class RequestValidator {

    /** The only importable kind (A2.3). */
    public static final String DOCKER_IMAGE = "DockerImage";

    /** Kubernetes namespace names are DNS-1123 labels. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static final int DNS_LABEL_MAX = 63;

    /** Stream names are repository path components, since they appear in pull specs ({@code registry/ns/name}). */
    private static final Pattern STREAM_NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*");

    /** A repository name component is at most 255 characters in the distribution reference grammar. */
    private static final int STREAM_NAME_MAX = 255;

    private RequestValidator() {}

    public static List<Violation> validate(ImportRequest request) {
        List<Violation> violations = new ArrayList<>();
        metadata(request, violations);
        List<String> deletions = request.deleteTags();
        for (int i = 0; i < deletions.size(); i++) {
            if (deletions.get(i).isEmpty()) {
                violations.add(invalid(
                        "metadata.annotations[" + ImportRequest.DELETE_TAGS + "]",
                        "Invalid value: entry " + i + " is empty"));
            }
        }
        if (request.images().isEmpty() && request.repository().isEmpty() && deletions.isEmpty()) {
            violations.add(
                    invalid("spec", "Required value: you must specify at least one image or a repository import"));
        }
        for (int i = 0; i < request.images().size(); i++) {
            image(i, request.images().get(i), violations);
        }
        request.repository().ifPresent(repository -> repository(repository, violations));
        return List.copyOf(violations);
    }

    private static void metadata(ImportRequest request, List<Violation> violations) {
        Optional<String> namespace = request.namespace();
        if (namespace.isEmpty() || namespace.get().isEmpty()) {
            violations.add(invalid("metadata.namespace", "Required value"));
        } else if (namespace.get().length() > DNS_LABEL_MAX
                || !DNS_LABEL.matcher(namespace.get()).matches()) {
            violations.add(invalid(
                    "metadata.namespace",
                    "Invalid value: \"%s\": must be a lowercase RFC 1123 label".formatted(namespace.get())));
        }
        String name = request.name();
        if (name.isEmpty()) {
            violations.add(invalid("metadata.name", "Required value"));
        } else if (name.length() > STREAM_NAME_MAX || !STREAM_NAME.matcher(name).matches()) {
            violations.add(invalid(
                    "metadata.name",
                    "Invalid value: \"%s\": must be a valid image stream name (lowercase letters, digits and"
                                    .formatted(name)
                            + " single separators . _ -)"));
        }
        String expectedKey = namespace.orElse("") + "/" + name;
        if (!request.key().equals(expectedKey)) {
            violations.add(invalid(
                    "metadata",
                    "Invalid value: the record key \"%s\" does not name the stream \"%s\""
                            .formatted(request.key(), expectedKey)));
        }
    }

    private static void image(int index, ImportRequest.ImageSpec spec, List<Violation> violations) {
        String path = "spec.images[" + index + "]";
        kind(path + ".from.kind", spec.fromKind(), violations);
        if (spec.fromName().isEmpty()) {
            violations.add(invalid(path + ".from.name", "Required value"));
        } else {
            parse(path + ".from.name", spec.fromName(), violations);
        }
        if (spec.toName().isPresent() && spec.toName().get().isEmpty()) {
            violations.add(invalid(path + ".to.name", "Required value"));
        }
    }

    private static void repository(ImportRequest.RepositorySpec spec, List<Violation> violations) {
        String path = "spec.repository.from";
        kind(path + ".kind", spec.fromKind(), violations);
        if (spec.fromName().isEmpty()) {
            violations.add(invalid(path + ".name", "Required value"));
            return;
        }
        parse(path + ".name", spec.fromName(), violations).ifPresent(reference -> {
            if (reference.tag().isPresent() || reference.digest().isPresent()) {
                violations.add(invalid(
                        path + ".name",
                        "Invalid value: \"%s\": you must specify an image repository, not a tag or ID"
                                .formatted(spec.fromName())));
            }
        });
    }

    private static void kind(String field, String kind, List<Violation> violations) {
        if (!DOCKER_IMAGE.equals(kind)) {
            violations.add(invalid(field, "Unsupported value: \"%s\": only DockerImage is supported".formatted(kind)));
        }
    }

    private static Optional<ImageReference> parse(String field, String name, List<Violation> violations) {
        try {
            return Optional.of(ImageReference.parse(name));
        } catch (InvalidReferenceException e) {
            violations.add(new Violation(
                    field,
                    "Invalid value: \"%s\": invalid name: %s".formatted(name, e.problem()),
                    FailureReason.INVALID_REFERENCE));
            return Optional.empty();
        }
    }

    private static Violation invalid(String field, String detail) {
        return new Violation(field, detail, FailureReason.INVALID);
    }
}
