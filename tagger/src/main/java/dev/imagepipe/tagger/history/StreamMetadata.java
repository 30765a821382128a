package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of an image stream (Avro {@code ObjectMeta}).
 *
 * @param namespace the stream's namespace
 * @param name the stream's name
 * @param uid assigned on create; an import request naming another uid is answered NotFound (A2.4)
 * @param resourceVersion a counter of writes, opaque to clients; requests carrying an older one conflict (A2.4)
 * @param generation counts spec changes: 1 on create, +1 on every spec change (A11.8)
 * @param creationTimestamp event time of the create
 * @param labels labels of the stream
 * @param annotations annotations, among them {@link #REPOSITORY_CHECK_ANNOTATION}
 */
public record StreamMetadata(
        String namespace,
        String name,
        Optional<String> uid,
        Optional<String> resourceVersion,
        long generation,
        Optional<Instant> creationTimestamp,
        Map<String, String> labels,
        Map<String, String> annotations) {

    /**
     * Set to the import's event time (RFC 3339) on every write by an import; while present, an import that changes
     * nothing writes nothing (A11.9), and the on-demand trigger only imports tags whose generation moved (A13.1).
     */
    public static final String REPOSITORY_CHECK_ANNOTATION = "openshift.io/image.dockerRepositoryCheck";

    /** "true" lets the repository import of {@code spec.dockerImageRepository} skip TLS checks (A13.1). */
    public static final String INSECURE_REPOSITORY_ANNOTATION = "openshift.io/image.insecureRepository";

    public StreamMetadata {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        Objects.requireNonNull(creationTimestamp, "creationTimestamp");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** Metadata of a stream not yet created: generation 0, no uid, no version (A2.4). */
    public static StreamMetadata unsaved(String namespace, String name) {
        return new StreamMetadata(
                namespace, name, Optional.empty(), Optional.empty(), 0, Optional.empty(), Map.of(), Map.of());
    }

    public boolean hasRepositoryCheck() {
        return annotations.containsKey(REPOSITORY_CHECK_ANNOTATION);
    }
}
