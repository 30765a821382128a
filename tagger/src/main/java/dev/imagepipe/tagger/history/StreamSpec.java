package dev.imagepipe.tagger.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired state of an image stream (Avro {@code ImageStreamSpec}).
 *
 * @param lookupLocal whether the stream's tags may be used by short name in the namespace
 * @param dockerImageRepository deprecated: a repository whose tags are all imported (A13.1)
 * @param tags spec tags in stream order; names are unique
 */
public record StreamSpec(boolean lookupLocal, Optional<String> dockerImageRepository, List<SpecTag> tags) {

    public static final StreamSpec EMPTY = new StreamSpec(false, Optional.empty(), List.of());

    public StreamSpec {
        Objects.requireNonNull(dockerImageRepository, "dockerImageRepository");
        tags = List.copyOf(tags);
        Names.requireUnique(tags.stream().map(SpecTag::name).toList(), "spec tag");
    }

    public Optional<SpecTag> tag(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
