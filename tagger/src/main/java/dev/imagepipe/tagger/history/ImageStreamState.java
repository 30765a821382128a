package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * An image stream: metadata, spec tags and tag history (Avro {@code ImageStream}, topic {@code streams}, key
 * {@code ns/stream}). Immutable; {@link StreamUpdater} produces new states.
 */
public record ImageStreamState(StreamMetadata metadata, StreamSpec spec, StreamStatus status) {

    public ImageStreamState {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }

    /** A stream not yet created, as an import sees it before the create (A2.4). */
    public static ImageStreamState unsaved(String namespace, String name) {
        return new ImageStreamState(StreamMetadata.unsaved(namespace, name), StreamSpec.EMPTY, StreamStatus.EMPTY);
    }

    public String namespace() {
        return metadata.namespace();
    }

    public String name() {
        return metadata.name();
    }

    /** The stream's key on the {@code streams} topic: {@code ns/stream}. */
    public String key() {
        return namespace() + "/" + name();
    }

    public Optional<SpecTag> specTag(String tag) {
        return spec.tag(tag);
    }

    public Optional<TagHistory> statusTag(String tag) {
        return status.tag(tag);
    }
}
