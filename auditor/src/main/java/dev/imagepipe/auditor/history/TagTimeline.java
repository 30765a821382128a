package dev.imagepipe.auditor.history;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every event of one tag, in log order (one key lives in one partition, so read order is log order).
 *
 * @param tag the tag
 * @param events its {@code tag.events} records
 */
public record TagTimeline(TagKey tag, List<Logged<TagEventEntry>> events) {

    public TagTimeline {
        Objects.requireNonNull(tag, "tag");
        events = List.copyOf(events);
    }

    /** The tag as the whole log leaves it. */
    public TagState state() {
        return TagState.after(events);
    }

    /**
     * The tag as it stood at {@code at}: after every event whose event time is at or before it. Log order decides among
     * events, event time only where the cut falls, so an event stamped earlier than its predecessor (itself a finding)
     * does not reorder history.
     */
    public TagState stateAt(Instant at) {
        int cut = 0;
        while (cut < events.size() && !events.get(cut).get().eventTime().isAfter(at)) {
            cut++;
        }
        return TagState.after(events.subList(0, cut));
    }
}
