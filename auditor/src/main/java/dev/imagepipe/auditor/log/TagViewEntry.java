package dev.imagepipe.auditor.log;

import java.util.Objects;

/**
 * A compacted tag view from {@code tags} (Avro {@code ImageStreamTagView}, key {@code ns/stream:tag}).
 *
 * @param tag which tag
 * @param history its history and conditions
 */
public record TagViewEntry(TagKey tag, TagHistoryView history) {

    public TagViewEntry {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(history, "history");
    }
}
