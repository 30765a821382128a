package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * What a spec tag points to (Avro {@code ObjectReference} in {@code TagReference.from}).
 *
 * @param kind {@link #DOCKER_IMAGE}, {@link #IMAGE_STREAM_TAG} or {@link #IMAGE_STREAM_IMAGE}; kept as written so
 *     a kind this code does not know survives a round trip
 * @param name a pull spec for {@code DockerImage}; {@code tag} or {@code stream:tag} for {@code ImageStreamTag}
 * @param namespace the namespace of an image stream reference; empty means the referring stream's namespace
 */
public record TagFrom(String kind, String name, Optional<String> namespace) {

    public static final String DOCKER_IMAGE = "DockerImage";
    public static final String IMAGE_STREAM_TAG = "ImageStreamTag";
    public static final String IMAGE_STREAM_IMAGE = "ImageStreamImage";

    public TagFrom {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** A pull spec in a registry, as an import writes it (A11.4). */
    public static TagFrom dockerImage(String pullSpec) {
        return new TagFrom(DOCKER_IMAGE, pullSpec, Optional.empty());
    }

    /** Another tag of a stream: {@code tag} or {@code stream:tag} (A11.10). */
    public static TagFrom imageStreamTag(String name) {
        return new TagFrom(IMAGE_STREAM_TAG, name, Optional.empty());
    }

    public boolean isDockerImage() {
        return DOCKER_IMAGE.equals(kind);
    }
}
