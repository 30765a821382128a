package dev.imagepipe.auditor.report;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagPoint;
import java.util.Optional;

/**
 * One line of a tag's timeline: one event, in words.
 *
 * @param record the event
 * @param kind {@code Added}, {@code Moved}, ...
 * @param image the image the tag points at after the event, for events that set one
 * @param detail what else matters: where it moved from, why an import failed, the request
 */
record TimelineRow(Logged<TagEventEntry> record, String kind, Optional<TagPoint> image, String detail) {

    static TimelineRow of(Logged<TagEventEntry> record) {
        TagEventEntry event = record.get();
        StringBuilder detail = new StringBuilder();
        switch (event.kind()) {
            case MOVED -> event.previous().ifPresent(p -> detail.append("from ").append(p.image()));
            case IMPORT_FAILED ->
                event.condition()
                        .ifPresent(c -> detail.append("import failed: ").append(c.describe()));
            case RECOVERED ->
                event.condition().map(TagCondition::describe).ifPresent(c -> detail.append("recovered from: ")
                        .append(c));
            case DELETED ->
                event.previous().ifPresent(p -> detail.append("was ").append(p.image()));
            default -> {}
        }
        event.requestUid().ifPresent(uid -> detail.append(detail.isEmpty() ? "" : "; ")
                .append("request ")
                .append(uid));
        return new TimelineRow(record, event.kind().wireName(), event.event(), detail.toString());
    }
}
