package dev.imagepipe.tagger.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The observed state of an image stream (Avro {@code ImageStreamStatus}).
 *
 * @param dockerImageRepository where the stream lives in the internal registry; empty until known (A12)
 * @param publicDockerImageRepository the same through the first external registry hostname, if any
 * @param tags tag histories in stream order; names are unique
 */
public record StreamStatus(
        String dockerImageRepository, Optional<String> publicDockerImageRepository, List<TagHistory> tags) {

    public static final StreamStatus EMPTY = new StreamStatus("", Optional.empty(), List.of());

    public StreamStatus {
        Objects.requireNonNull(dockerImageRepository, "dockerImageRepository");
        Objects.requireNonNull(publicDockerImageRepository, "publicDockerImageRepository");
        tags = List.copyOf(tags);
        Names.requireUnique(tags.stream().map(TagHistory::tag).toList(), "status tag");
    }

    public Optional<TagHistory> tag(String name) {
        return tags.stream().filter(t -> t.tag().equals(name)).findFirst();
    }
}
