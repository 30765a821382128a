package dev.imagepipe.tagger.schedule;

import dev.imagepipe.tagger.history.ReferencePolicy;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import request to submit for one stream (Avro {@code ImageStreamImportRequest} on {@code import.requests},
 * with {@code spec.import=true}). It carries the stream's uid and version as its optimistic lock (A2.4).
 *
 * @param namespace namespace of the stream
 * @param name name of the stream
 * @param streamUid the stream's uid when planned
 * @param resourceVersion the stream's version when planned
 * @param repository the repository import of {@code spec.dockerImageRepository}, for a full import
 * @param images one entry per tag to import, in spec order, each imported into the tag of the same name
 */
public record ImportPlan(
        String namespace,
        String name,
        Optional<String> streamUid,
        Optional<String> resourceVersion,
        Optional<RepositoryImport> repository,
        List<TagImport> images) {

    public ImportPlan {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(streamUid, "streamUid");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        Objects.requireNonNull(repository, "repository");
        images = List.copyOf(images);
    }

    /** The tags this plan imports, in order. */
    public List<String> tags() {
        return images.stream().map(TagImport::tag).toList();
    }

    /**
     * Import of one spec tag: {@code from} (kind DockerImage) to {@code tag}, with the tag's own policies (A13.1).
     */
    public record TagImport(String tag, String from, TagImportPolicy importPolicy, ReferencePolicy referencePolicy) {
        public TagImport {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(importPolicy, "importPolicy");
            Objects.requireNonNull(referencePolicy, "referencePolicy");
        }
    }

    /**
     * Import of a whole repository.
     *
     * @param from the repository, without tag or digest
     * @param insecure from the stream's {@code openshift.io/image.insecureRepository} annotation
     */
    public record RepositoryImport(String from, boolean insecure) {
        public RepositoryImport {
            Objects.requireNonNull(from, "from");
        }
    }
}
