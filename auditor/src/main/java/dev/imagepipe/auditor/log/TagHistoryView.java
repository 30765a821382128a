package dev.imagepipe.auditor.log;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag's history as a projection holds it (Avro {@code NamedTagEventList}, in {@code tags} and in each
 * {@code streams} record's status).
 *
 * @param tag the tag name
 * @param items the history, newest first: items[0] is the current image
 * @param conditions the tag's conditions
 */
public record TagHistoryView(String tag, List<TagPoint> items, List<TagCondition> conditions) {

    public TagHistoryView {
        Objects.requireNonNull(tag, "tag");
        items = List.copyOf(items);
        conditions = List.copyOf(conditions);
    }

    /** items[0], the image the tag points at. */
    public Optional<TagPoint> current() {
        return items.stream().findFirst();
    }

    /** The failing {@code ImportSuccess} condition, if the last import failed. */
    public Optional<TagCondition> failure() {
        return conditions.stream().filter(TagCondition::failing).findFirst();
    }
}
