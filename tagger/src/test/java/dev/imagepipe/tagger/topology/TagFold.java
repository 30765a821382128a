package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.util.List;
import java.util.Optional;

/**
 * What a consumer of {@code tag.events} knows about a tag: whether it exists, its current image and reference, and the
 * import failure it is in, if any. {@link #of} folds a tag's events into it; {@link #view} reads the same off the
 * tag's latest {@code tags} record (a tombstone is a deleted tag), so the two topics can be compared.
 *
 * @param failure the failing import condition's reason and message
 */
record TagFold(boolean exists, Optional<String> image, Optional<String> reference, Optional<String> failure) {

    private static final TagFold DELETED = new TagFold(false, Optional.empty(), Optional.empty(), Optional.empty());

    static TagFold of(List<TagEventRecord> events) {
        TagFold state = DELETED;
        for (TagEventRecord event : events) {
            state = switch (event.getKind()) {
                case Added, Moved -> state.at(event.getEvent());
                case ImportFailed -> state.failing(event.getCondition());
                case Recovered -> state.at(event.getEvent()).recovered();
                case Deleted -> DELETED;
                case Unknown -> throw new IllegalStateException("the tagger wrote an event of unknown kind: " + event);
            };
        }
        return state;
    }

    static TagFold view(ImageStreamTagView view) {
        if (view == null) {
            return DELETED;
        }
        List<TagEvent> items = view.getHistory().getItems();
        Optional<TagEvent> current = items.isEmpty() ? Optional.empty() : Optional.of(items.getFirst());
        return new TagFold(
                true,
                current.map(TagEvent::getImage),
                current.map(TagEvent::getDockerImageReference),
                view.getHistory().getConditions().stream()
                        .filter(condition -> condition.getStatus() == ConditionStatus.False)
                        .findFirst()
                        .map(TagFold::describe));
    }

    private TagFold at(TagEvent event) {
        return new TagFold(true, Optional.of(event.getImage()), Optional.of(event.getDockerImageReference()), failure);
    }

    private TagFold failing(TagEventCondition condition) {
        return new TagFold(true, image, reference, Optional.of(describe(condition)));
    }

    private TagFold recovered() {
        return new TagFold(true, image, reference, Optional.empty());
    }

    private static String describe(TagEventCondition condition) {
        return condition.getType() + "=" + condition.getStatus() + " " + condition.getReason() + ": "
                + condition.getMessage();
    }
}
