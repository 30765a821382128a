package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to one tag, from {@code tag.events} (Avro {@code TagEventRecord}, key {@code ns/stream:tag}).
 *
 * @param kind what happened
 * @param tag which tag
 * @param event the tag's new current entry: set for {@code Added}, {@code Moved} and {@code Recovered}
 * @param previous the entry it replaced: set for {@code Moved}, and for {@code Deleted} when the tag had an image
 * @param condition the failure for {@code ImportFailed}; the failure now resolved for {@code Recovered}
 * @param requestUid the import request that caused the change, if any
 * @param eventTime event time of the change
 */
public record TagEventEntry(
        Kind kind,
        TagKey tag,
        Optional<TagPoint> event,
        Optional<TagPoint> previous,
        Optional<TagCondition> condition,
        Optional<String> requestUid,
        Instant eventTime) {

    /** The kinds of {@code TagEventKind}; {@code UNKNOWN} is the reader default for kinds added later. */
    public enum Kind {
        ADDED("Added"),
        MOVED("Moved"),
        IMPORT_FAILED("ImportFailed"),
        RECOVERED("Recovered"),
        DELETED("Deleted"),
        UNKNOWN("Unknown");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The kind as {@code TagEventKind} spells it. */
        public String wireName() {
            return wireName;
        }

        @Override
        public String toString() {
            return wireName;
        }
    }

    public TagEventEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(requestUid, "requestUid");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
