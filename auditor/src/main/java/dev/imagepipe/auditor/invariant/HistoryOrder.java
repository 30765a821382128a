package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.history.TagHistories;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.StreamEntry;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagHistoryView;
import dev.imagepipe.auditor.log.TagPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link Rule#HISTORY_ORDER} and {@link Rule#GENERATION_ORDER}, on each tag's events and on the histories the compacted
 * {@code tags} and {@code streams} hold (A11.6, A11.8).
 *
 * <ul>
 *   <li>Along one tag's events: event times do not go back; {@code Added} only when the tag has no image, {@code Moved}
 *       only from the image it has ({@code previous} is the current image) and to one created no earlier; the
 *       generations of new entries and of failures never go back. A {@code Deleted} tag starts a new life.
 *   <li>Along a history's items (newest first): {@code created} and {@code generation} never increase.
 * </ul>
 */
public final class HistoryOrder {

    private HistoryOrder() {}

    public static List<Violation> check(AuditLog log) {
        List<Violation> violations = new ArrayList<>();
        TagHistories.rebuild(log.tagEvents()).values().forEach(timeline -> checkEvents(timeline, violations));
        AuditLog.latestByKey(log.tags()).values().forEach(record -> record.value()
                .ifPresent(view -> checkItems(record, view.tag().toString(), view.history(), violations)));
        AuditLog.latestByKey(log.streams()).values().forEach(record -> record.value()
                .ifPresent(stream -> checkStream(record, stream, violations)));
        return violations;
    }

    private static void checkEvents(TagTimeline timeline, List<Violation> violations) {
        Logged<TagEventEntry> last = null;
        Optional<TagPoint> current = Optional.empty();
        long generation = Long.MIN_VALUE;
        for (Logged<TagEventEntry> record : timeline.events()) {
            TagEventEntry event = record.get();
            Evidence here = Evidence.of(record, event.kind() + " " + event.tag());
            if (last != null && event.eventTime().isBefore(last.get().eventTime())) {
                violations.add(Violation.of(
                        Rule.HISTORY_ORDER,
                        event.tag() + ": event time " + event.eventTime() + " is before the previous event's "
                                + last.get().eventTime(),
                        here,
                        Evidence.of(last, "previous event of " + event.tag())));
            }
            chain(event, current, here, violations);
            OptionalLong stamped = generationOf(event);
            if (stamped.isPresent() && stamped.getAsLong() < generation) {
                violations.add(Violation.of(
                        Rule.GENERATION_ORDER,
                        event.tag() + ": " + event.kind() + " at generation " + stamped.getAsLong()
                                + " after generation " + generation,
                        here));
            }
            generation = Math.max(generation, stamped.orElse(generation));
            switch (event.kind()) {
                case ADDED, MOVED, RECOVERED -> {
                    if (event.event().isPresent()) {
                        current = event.event();
                    }
                }
                case DELETED -> {
                    current = Optional.empty();
                    generation = Long.MIN_VALUE;
                }
                default -> {}
            }
            last = record;
        }
    }

    private static void chain(
            TagEventEntry event, Optional<TagPoint> current, Evidence here, List<Violation> violations) {
        switch (event.kind()) {
            case ADDED ->
                current.ifPresent(c -> violations.add(Violation.of(
                        Rule.HISTORY_ORDER,
                        event.tag() + ": Added while the tag already points at " + c.image(),
                        here)));
            case MOVED -> {
                if (current.isEmpty()) {
                    violations.add(
                            Violation.of(Rule.HISTORY_ORDER, event.tag() + ": Moved, but the tag had no image", here));
                } else if (event.previous().isPresent()
                        && !event.previous().get().image().equals(current.get().image())) {
                    violations.add(Violation.of(
                            Rule.HISTORY_ORDER,
                            event.tag() + ": Moved from "
                                    + event.previous().get().image() + ", but the tag pointed at "
                                    + current.get().image(),
                            here));
                }
                if (event.event().isPresent() && event.previous().isPresent()) {
                    TagPoint next = event.event().get();
                    TagPoint previous = event.previous().get();
                    if (next.created().isBefore(previous.created())) {
                        violations.add(Violation.of(
                                Rule.HISTORY_ORDER,
                                event.tag() + ": new entry created " + next.created()
                                        + " before the entry it replaces (" + previous.created() + ")",
                                here));
                    }
                }
            }
            default -> {}
        }
    }

    /** The generation an event stamps: of its new entry, or of the failure for {@code ImportFailed}; none else. */
    private static OptionalLong generationOf(TagEventEntry event) {
        Optional<Long> generation =
                switch (event.kind()) {
                    case ADDED, MOVED, RECOVERED -> event.event().map(TagPoint::generation);
                    case IMPORT_FAILED -> event.condition().map(TagCondition::generation);
                    default -> Optional.empty();
                };
        return generation.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    private static void checkStream(Logged<StreamEntry> record, StreamEntry stream, List<Violation> violations) {
        for (TagHistoryView tag : stream.tags()) {
            checkItems(record, stream.namespace() + "/" + stream.name() + ":" + tag.tag(), tag, violations);
        }
    }

    private static void checkItems(Logged<?> record, String tag, TagHistoryView history, List<Violation> violations) {
        List<TagPoint> items = history.items();
        for (int i = 1; i < items.size(); i++) {
            TagPoint newer = items.get(i - 1);
            TagPoint older = items.get(i);
            Evidence here = Evidence.of(record, tag + " history of " + items.size() + " items");
            if (newer.created().isBefore(older.created())) {
                violations.add(Violation.of(
                        Rule.HISTORY_ORDER,
                        tag + ": items[" + (i - 1) + "] (" + newer.image() + ", created " + newer.created()
                                + ") is older than items[" + i + "] (" + older.image() + ", created " + older.created()
                                + "); history must be newest first",
                        here));
            }
            if (newer.generation() < older.generation()) {
                violations.add(Violation.of(
                        Rule.GENERATION_ORDER,
                        tag + ": items[" + (i - 1) + "] has generation " + newer.generation() + ", below items[" + i
                                + "]'s " + older.generation(),
                        here));
            }
        }
    }
}
