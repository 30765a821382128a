package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to one tag that consumers hear about (Avro {@code TagEventRecord} on {@code tag.events}, key
 * {@code ns/stream:tag}). Only what users care about is a change: a tag got its first image, moved to another image,
 * started failing, recovered, or was deleted. Rewriting items[0] without changing its image (a generation bump, a
 * re-spelled reference) updates the stream but is not a change.
 */
public sealed interface TagChange {

    String tag();

    /** The tag got its first image. */
    record Added(String tag, TagEvent event) implements TagChange {
        public Added {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(event, "event");
        }
    }

    /** The tag's current image changed from {@code previous} to {@code event}. */
    record Moved(String tag, TagEvent event, TagEvent previous) implements TagChange {
        public Moved {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(previous, "previous");
        }
    }

    /** An import of the tag failed with a new reason or message; the tag keeps its last good image (A11.7). */
    record ImportFailed(String tag, TagCondition condition) implements TagChange {
        public ImportFailed {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** A tag whose last import failed was imported again; {@code resolved} is the failure condition now cleared. */
    record Recovered(String tag, TagEvent event, TagCondition resolved) implements TagChange {
        public Recovered {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(resolved, "resolved");
        }
    }

    /** The tag was removed from spec and status; {@code previous} was its current image, if it had one. */
    record Deleted(String tag, Optional<TagEvent> previous) implements TagChange {
        public Deleted {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(previous, "previous");
        }
    }
}
