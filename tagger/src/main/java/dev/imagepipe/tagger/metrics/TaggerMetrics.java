package dev.imagepipe.tagger.metrics;

import dev.imagepipe.importer.metrics.Counter;
import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.tagger.history.TagChange;
import dev.imagepipe.tagger.topology.TaggerEvents;

/**
 * The tagger's metrics, registered in a {@link MetricsRegistry} and fed by the topology as its {@link TaggerEvents}:
 * tag events emitted by kind, scheduled imports issued and deferred, and dead letters. Every kind starts at zero so a
 * dashboard's {@code rate()} has a series from the first scrape. Thread-safe.
 */
public final class TaggerMetrics implements TaggerEvents {

    public static final String TAG_EVENTS = "imagepipe_tagger_tag_events_total";
    public static final String SCHEDULED_IMPORTS = "imagepipe_tagger_scheduled_imports_total";
    public static final String DEFERRALS = "imagepipe_tagger_scheduled_import_deferrals_total";
    public static final String DEAD_LETTERS = "imagepipe_tagger_dead_letters_total";

    private final Counter tagEvents;
    private final Counter scheduledImports;
    private final Counter deferrals;
    private final Counter deadLetters;

    public TaggerMetrics(MetricsRegistry registry) {
        tagEvents = registry.counter(TAG_EVENTS, "Records written to tag.events, by kind.", "kind");
        scheduledImports = registry.counter(SCHEDULED_IMPORTS, "Scheduled import requests written to import.requests.");
        deferrals = registry.counter(
                DEFERRALS, "Due scheduled imports deferred because the per-minute budget was spent, per round.");
        deadLetters = registry.counter(DEAD_LETTERS, "Input records the tagger could not process, sent to dlq.");
        for (TagEventKind kind : TagEventKind.values()) {
            if (kind != TagEventKind.Unknown) {
                tagEvents.labels(kind.name());
            }
        }
    }

    /** The kind label of {@code change}: the {@code TagEventKind} symbol its record carries. */
    static String kind(TagChange change) {
        return switch (change) {
            case TagChange.Added added -> TagEventKind.Added.name();
            case TagChange.Moved moved -> TagEventKind.Moved.name();
            case TagChange.ImportFailed failed -> TagEventKind.ImportFailed.name();
            case TagChange.Recovered recovered -> TagEventKind.Recovered.name();
            case TagChange.Deleted deleted -> TagEventKind.Deleted.name();
        };
    }

    @Override
    public void tagChanged(TagChange change) {
        tagEvents.labels(kind(change)).inc();
    }

    @Override
    public void scheduledImportIssued() {
        scheduledImports.inc();
    }

    @Override
    public void scheduledImportDeferred() {
        deferrals.inc();
    }

    /** A record went to the dead-letter topic. */
    public void deadLettered() {
        deadLetters.inc();
    }
}
