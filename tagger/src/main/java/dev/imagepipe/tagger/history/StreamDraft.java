package dev.imagepipe.tagger.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mutable working copy of one stream while an import or deletion is applied to it; tags keep their stream order
 * and new tags go last. Confined to one call of {@link StreamUpdater}, never shared.
 */
final class StreamDraft {

    private final ImageStreamState original;
    private final Map<String, SpecTag> specTags = new LinkedHashMap<>();
    private final Map<String, TagHistory> statusTags = new LinkedHashMap<>();

    private StreamDraft(ImageStreamState original) {
        this.original = original;
        original.spec().tags().forEach(t -> specTags.put(t.name(), t));
        original.status().tags().forEach(t -> statusTags.put(t.tag(), t));
    }

    static StreamDraft of(ImageStreamState stream) {
        return new StreamDraft(stream);
    }

    String namespace() {
        return original.namespace();
    }

    String name() {
        return original.name();
    }

    Optional<SpecTag> specTag(String tag) {
        return Optional.ofNullable(specTags.get(tag));
    }

    List<SpecTag> specTags() {
        return List.copyOf(specTags.values());
    }

    void putSpecTag(SpecTag tag) {
        specTags.put(tag.name(), tag);
    }

    /** The tag's history; an empty one for a tag with no status yet. */
    TagHistory history(String tag) {
        return statusTags.getOrDefault(tag, new TagHistory(tag, List.of(), List.of()));
    }

    void putHistory(TagHistory history) {
        statusTags.put(history.tag(), history);
    }

    /** Removes the tag from spec and status; true if it was in either. */
    boolean removeTag(String tag) {
        boolean hadSpec = specTags.remove(tag) != null;
        boolean hadStatus = statusTags.remove(tag) != null;
        return hadSpec || hadStatus;
    }

    /** The draft as a stream, with the original's metadata. */
    ImageStreamState toState() {
        StreamSpec spec = original.spec();
        StreamStatus status = original.status();
        return new ImageStreamState(
                original.metadata(),
                new StreamSpec(spec.lookupLocal(), spec.dockerImageRepository(), new ArrayList<>(specTags.values())),
                new StreamStatus(
                        status.dockerImageRepository(),
                        status.publicDockerImageRepository(),
                        new ArrayList<>(statusTags.values())));
    }
}
