package dev.imagepipe.auditor.log;

import java.util.List;
import java.util.Objects;

/**
 * A compacted stream from {@code streams} (Avro {@code ImageStream}, key {@code ns/stream}), reduced to its status
 * tags.
 *
 * @param namespace the stream's namespace
 * @param name the stream's name
 * @param tags {@code status.tags}
 */
public record StreamEntry(String namespace, String name, List<TagHistoryView> tags) {

    public StreamEntry {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
    }
}
