package dev.imagepipe.tagger.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of one tag (Avro {@code NamedTagEventList}): its image history, newest first, and its conditions.
 *
 * @param tag the tag name
 * @param items the history; items[0] is the current image; may be empty when only a failure was recorded
 * @param conditions conditions of the tag; an import writes at most one, {@code ImportSuccess=False}
 */
public record TagHistory(String tag, List<TagEvent> items, List<TagCondition> conditions) {

    public TagHistory {
        Objects.requireNonNull(tag, "tag");
        items = List.copyOf(items);
        conditions = List.copyOf(conditions);
    }

    /** The tag's current image, items[0]. */
    public Optional<TagEvent> current() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.getFirst());
    }

    /** The {@code ImportSuccess=False} condition, if the last import of this tag failed. */
    public Optional<TagCondition> importFailure() {
        return conditions.stream().filter(TagCondition::isImportFailure).findFirst();
    }

    TagHistory withItems(List<TagEvent> value) {
        return new TagHistory(tag, value, conditions);
    }

    TagHistory withConditions(List<TagCondition> value) {
        return new TagHistory(tag, items, value);
    }
}
