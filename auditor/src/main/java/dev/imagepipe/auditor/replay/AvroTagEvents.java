package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.StreamEntry;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagHistoryView;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import dev.imagepipe.auditor.log.TagViewEntry;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.util.Optional;

/** Maps {@code tag.events}, {@code tags} and {@code streams} values to log records. */
final class AvroTagEvents {

    private AvroTagEvents() {}

    static TagEventEntry tagEvent(TagEventRecord record) {
        return new TagEventEntry(
                kind(record.getKind()),
                new TagKey(record.getNamespace(), record.getStream(), record.getTag()),
                Optional.ofNullable(record.getEvent()).map(AvroTagEvents::point),
                Optional.ofNullable(record.getPrevious()).map(AvroTagEvents::point),
                Optional.ofNullable(record.getCondition()).map(AvroTagEvents::condition),
                Optional.ofNullable(record.getRequestUid()),
                record.getEventTime());
    }

    static TagViewEntry tagView(ImageStreamTagView view) {
        return new TagViewEntry(
                new TagKey(view.getNamespace(), view.getStream(), view.getTag()), history(view.getHistory()));
    }

    static StreamEntry stream(ImageStream stream) {
        return new StreamEntry(
                stream.getMetadata().getNamespace() == null
                        ? ""
                        : stream.getMetadata().getNamespace(),
                stream.getMetadata().getName(),
                stream.getStatus().getTags().stream()
                        .map(AvroTagEvents::history)
                        .toList());
    }

    private static TagHistoryView history(NamedTagEventList list) {
        return new TagHistoryView(
                list.getTag(),
                list.getItems().stream().map(AvroTagEvents::point).toList(),
                list.getConditions().stream().map(AvroTagEvents::condition).toList());
    }

    private static TagPoint point(TagEvent event) {
        return new TagPoint(
                event.getCreated(), event.getDockerImageReference(), event.getImage(), event.getGeneration());
    }

    private static TagCondition condition(TagEventCondition condition) {
        return new TagCondition(
                condition.getStatus().name(),
                Optional.ofNullable(condition.getReason()),
                Optional.ofNullable(condition.getMessage()),
                condition.getGeneration());
    }

    private static TagEventEntry.Kind kind(dev.imagepipe.schemas.avro.TagEventKind kind) {
        return switch (kind) {
            case Added -> TagEventEntry.Kind.ADDED;
            case Moved -> TagEventEntry.Kind.MOVED;
            case ImportFailed -> TagEventEntry.Kind.IMPORT_FAILED;
            case Recovered -> TagEventEntry.Kind.RECOVERED;
            case Deleted -> TagEventEntry.Kind.DELETED;
            case Unknown -> TagEventEntry.Kind.UNKNOWN;
        };
    }
}
