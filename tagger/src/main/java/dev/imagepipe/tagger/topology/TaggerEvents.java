package dev.imagepipe.tagger.topology;

import dev.imagepipe.tagger.history.TagChange;

/**
 * What the tagger topology tells its application as it works, for metrics. Called on stream threads, possibly several
 * at once: implementations must be cheap and thread-safe. Under exactly-once a call means the record was handed to the
 * transaction; a transaction aborted by a crash is retried after restart in a new process, so counts are per process
 * and never run ahead of the records committed in it by more than one commit interval.
 */
public interface TaggerEvents {

    /** Listens to nothing. */
    TaggerEvents NONE = new TaggerEvents() {};

    /** A record for {@code change} went to {@code tag.events}. */
    default void tagChanged(TagChange change) {}

    /** A scheduled import request went to {@code import.requests}. */
    default void scheduledImportIssued() {}

    /** A due scheduled import was deferred because the minute's budget was spent. */
    default void scheduledImportDeferred() {}
}
