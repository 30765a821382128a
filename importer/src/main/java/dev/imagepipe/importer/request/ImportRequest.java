package dev.imagepipe.importer.request;

import dev.imagepipe.importer.fetch.ImportMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ImageStreamImport request as the importer needs it.
 *
 * @param key the record key it arrived under; must be {@code namespace/name}
 * @param namespace {@code metadata.namespace}; may be missing or invalid, which validation reports
 * @param name {@code metadata.name}: the target image stream
 * @param dryRun {@code spec.import == false}: fetch and report, write no Images (A2.8)
 * @param images {@code spec.images}, in request order
 * @param repository {@code spec.repository}, if any
 * @param annotations {@code metadata.annotations}; {@value #PREFER_ARCH} and {@value #PREFER_OS} choose the platform
 *     of Legacy list imports (A6.2, which OpenShift reads from the target tag)
 * @param requestedAt event time of the request
 */
public record ImportRequest(
        String key,
        Optional<String> namespace,
        String name,
        boolean dryRun,
        List<ImageSpec> images,
        Optional<RepositorySpec> repository,
        Map<String, String> annotations,
        Instant requestedAt) {

    public static final String PREFER_ARCH = "importer.image.openshift.io/prefer-arch";

    public static final String PREFER_OS = "importer.image.openshift.io/prefer-os";

    /**
     * Tags to delete from the stream, comma-separated (from {@code imagepipe tag delete}). A deletion travels as a
     * request so it is ordered with the stream's imports; the importer passes it through, the tagger applies it.
     */
    public static final String DELETE_TAGS = "imagepipe.dev/delete-tags";

    public ImportRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        images = List.copyOf(images);
        Objects.requireNonNull(repository, "repository");
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public Optional<String> preferArch() {
        return Optional.ofNullable(annotations.get(PREFER_ARCH)).filter(value -> !value.isBlank());
    }

    /** The tags {@value #DELETE_TAGS} names, in order; empty entries are kept so validation can report them. */
    public List<String> deleteTags() {
        String value = annotations.get(DELETE_TAGS);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    }

    public Optional<String> preferOs() {
        return Optional.ofNullable(annotations.get(PREFER_OS)).filter(value -> !value.isBlank());
    }

    /**
     * One {@code spec.images[i]}.
     *
     * @param fromKind {@code from.kind}; only {@code DockerImage} is importable
     * @param fromName {@code from.name}, the reference as written
     * @param toName {@code to.name} when {@code to} is present (possibly empty, which is invalid)
     * @param importMode {@code importPolicy.importMode}; empty means the policy default
     */
    public record ImageSpec(
            String fromKind,
            String fromName,
            Optional<String> toName,
            boolean insecure,
            Optional<ImportMode> importMode) {

        public ImageSpec {
            Objects.requireNonNull(fromKind, "fromKind");
            Objects.requireNonNull(fromName, "fromName");
            Objects.requireNonNull(toName, "toName");
            Objects.requireNonNull(importMode, "importMode");
        }
    }

    /** {@code spec.repository}: every tag of one repository, up to the bulk limit (A9). */
    public record RepositorySpec(String fromKind, String fromName, boolean insecure, Optional<ImportMode> importMode) {

        public RepositorySpec {
            Objects.requireNonNull(fromKind, "fromKind");
            Objects.requireNonNull(fromName, "fromName");
            Objects.requireNonNull(importMode, "importMode");
        }
    }
}
