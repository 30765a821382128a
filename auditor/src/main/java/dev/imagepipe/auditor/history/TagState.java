package dev.imagepipe.auditor.history;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagPoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag as its events leave it.
 *
 * @param items the history the events announced, newest first; items[0] is the current image. Events are only sent
 *     for changes users care about (an image changed, an import failed or recovered), so generation bumps and re-spelled
 *     references that rewrite items[0] in place (A11.6) are not here, and a projection's items may differ in those.
 * @param failure the failure of the last import, until a {@code Recovered} or {@code Deleted} event clears it
 * @param deleted whether the last life of the tag ended with {@code Deleted}
 * @param decidedBy the event that set the current image
 */
public record TagState(
        List<TagPoint> items,
        Optional<TagCondition> failure,
        boolean deleted,
        Optional<Logged<TagEventEntry>> decidedBy) {

    /** A tag no event has mentioned. */
    public static final TagState NONE = new TagState(List.of(), Optional.empty(), false, Optional.empty());

    public TagState {
        items = List.copyOf(items);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /** items[0]: the image the tag points at. */
    public Optional<TagPoint> current() {
        return items.stream().findFirst();
    }

    /** The state after {@code events}, applied in order. */
    public static TagState after(Iterable<Logged<TagEventEntry>> events) {
        Deque<TagPoint> items = new ArrayDeque<>();
        Optional<TagCondition> failure = Optional.empty();
        boolean deleted = false;
        Optional<Logged<TagEventEntry>> decidedBy = Optional.empty();
        for (Logged<TagEventEntry> record : events) {
            TagEventEntry event = record.get();
            switch (event.kind()) {
                case ADDED, MOVED, RECOVERED -> {
                    if (event.event().isPresent()) {
                        TagPoint next = event.event().get();
                        TagPoint current = items.peekFirst();
                        if (current != null && current.image().equals(next.image())) {
                            items.pollFirst(); // same image rewritten in place, as A11.6 does
                        } else {
                            decidedBy = Optional.of(record);
                        }
                        items.addFirst(next);
                        deleted = false;
                    }
                    if (event.kind() == TagEventEntry.Kind.RECOVERED) {
                        failure = Optional.empty();
                    }
                }
                case IMPORT_FAILED -> failure = event.condition();
                case DELETED -> {
                    items.clear();
                    failure = Optional.empty();
                    deleted = true;
                    decidedBy = Optional.empty();
                }
                case UNKNOWN -> {
                    // A kind added after this build: it cannot be applied, and the projection comparison will show
                    // whatever it changed.
                }
            }
        }
        return new TagState(List.copyOf(items), failure, deleted, decidedBy);
    }
}
