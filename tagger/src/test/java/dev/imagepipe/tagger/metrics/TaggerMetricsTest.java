package dev.imagepipe.tagger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.tagger.history.TagChange;
import dev.imagepipe.tagger.history.TagEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaggerMetricsTest {

    private final MetricsRegistry registry = new MetricsRegistry();
    private final TaggerMetrics metrics = new TaggerMetrics(registry);

    @Test
    void exposesEveryTagEventKindAtZeroFromTheFirstScrape() {
        assertThat(registry.scrape())
                .contains(
                        "imagepipe_tagger_tag_events_total{kind=\"Added\"} 0",
                        "imagepipe_tagger_tag_events_total{kind=\"Moved\"} 0",
                        "imagepipe_tagger_tag_events_total{kind=\"ImportFailed\"} 0",
                        "imagepipe_tagger_tag_events_total{kind=\"Recovered\"} 0",
                        "imagepipe_tagger_tag_events_total{kind=\"Deleted\"} 0",
                        "imagepipe_tagger_scheduled_imports_total 0",
                        "imagepipe_tagger_scheduled_import_deferrals_total 0",
                        "imagepipe_tagger_dead_letters_total 0")
                .doesNotContain("Unknown");
    }

    @Test
    void countsTagChangesByTheKindTheirRecordsCarry() {
        TagEvent event = new TagEvent(Instant.EPOCH, "quay.io/a/b@sha256:1", "sha256:1", 1);

        metrics.tagChanged(new TagChange.Added("latest", event));
        metrics.tagChanged(new TagChange.Moved("latest", event, event));
        metrics.tagChanged(new TagChange.Moved("v1", event, event));
        metrics.tagChanged(new TagChange.Deleted("v1", Optional.empty()));
        metrics.scheduledImportIssued();
        metrics.scheduledImportDeferred();
        metrics.scheduledImportDeferred();
        metrics.deadLettered();

        assertThat(registry.scrape())
                .contains(
                        "imagepipe_tagger_tag_events_total{kind=\"Added\"} 1",
                        "imagepipe_tagger_tag_events_total{kind=\"Moved\"} 2",
                        "imagepipe_tagger_tag_events_total{kind=\"Deleted\"} 1",
                        "imagepipe_tagger_tag_events_total{kind=\"ImportFailed\"} 0",
                        "imagepipe_tagger_scheduled_imports_total 1",
                        "imagepipe_tagger_scheduled_import_deferrals_total 2",
                        "imagepipe_tagger_dead_letters_total 1");
    }
}
