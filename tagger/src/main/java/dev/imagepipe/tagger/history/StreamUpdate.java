package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What applying an import or a deletion to a stream did: what to write, or why nothing is written. */
public sealed interface StreamUpdate {

    /**
     * The stream must be written.
     *
     * @param stream the new state, with generation, annotations and resource version stamped
     * @param created true if the stream did not exist before (A11.9)
     * @param changes the tag changes, in stream tag order; for each tag an image change comes before
     *     {@code Recovered}. May be empty: a write that only stamps generations, policies or the check annotation
     * @param eventTime event time of the change, for the records written
     */
    record Written(ImageStreamState stream, boolean created, List<TagChange> changes, Instant eventTime)
            implements StreamUpdate {
        public Written {
            Objects.requireNonNull(stream, "stream");
            changes = List.copyOf(changes);
            Objects.requireNonNull(eventTime, "eventTime");
        }
    }

    /** Nothing changed, so nothing is written: no stream record, no tag records, no tag changes (A11.9). */
    record Unchanged(ImageStreamState stream) implements StreamUpdate {
        public Unchanged {
            Objects.requireNonNull(stream, "stream");
        }
    }

    /** The request's optimistic lock failed (A2.4); the stream is untouched. */
    record Rejected(Reason reason, String message) implements StreamUpdate {

        public enum Reason {
            /** The stream does not exist, or has another uid, while the request named one. */
            NOT_FOUND,
            /** The stream was written since the version the request carries. */
            CONFLICT
        }

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
