package dev.imagepipe.tagger.schedule;

import static dev.imagepipe.tagger.schedule.Streams.stream;
import static dev.imagepipe.tagger.schedule.Streams.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.ReferencePolicy;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.StreamMetadata;
import dev.imagepipe.tagger.history.TagCondition;
import dev.imagepipe.tagger.history.TagEvent;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D11 second table (TestHandleImageStream, code-derived): the on-demand trigger of A13.1. */
class ImportTriggersTest {

    private static final ImportPlan.TagImport LATEST =
            new ImportPlan.TagImport("latest", "test/other:latest", TagImportPolicy.DEFAULT, ReferencePolicy.SOURCE);

    private static ImageStreamState unchecked(Optional<String> repository, List<SpecTag> spec) {
        return stream("other", false, repository, spec, List.of());
    }

    private static ImageStreamState checked(Optional<String> repository, List<SpecTag> spec, List<TagHistory> status) {
        return stream("other", true, repository, spec, status);
    }

    @Test
    void importsNothingForCheckedStreamWithoutTags() {
        // D11 handler row 1
        assertThat(ImportTriggers.onDemand(checked(Optional.empty(), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void importsNothingForCheckedStreamWithOnlyRepository() {
        // D11 handler row 2
        assertThat(ImportTriggers.onDemand(checked(Optional.of("test/other"), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void importsNothingForReferenceTag() {
        // D11 handler row 3, on an unchecked stream so only the reference flag stops it
        SpecTag reference = new SpecTag(
                "latest",
                Map.of(),
                Optional.of(TagFrom.dockerImage("test/other:latest")),
                true,
                Optional.empty(),
                TagImportPolicy.DEFAULT,
                Optional.empty());

        assertThat(ImportTriggers.onDemand(unchecked(Optional.empty(), List.of(reference))))
                .isEmpty();
    }

    @Test
    void importsNothingForTagFromOtherKind() {
        // D11 handler row 4
        SpecTag tracking = new SpecTag(
                "latest",
                Map.of(),
                Optional.of(TagFrom.imageStreamTag("other:2.0")),
                false,
                Optional.empty(),
                TagImportPolicy.DEFAULT,
                Optional.empty());

        assertThat(ImportTriggers.onDemand(unchecked(Optional.empty(), List.of(tracking))))
                .isEmpty();
    }

    @Test
    void importsImportableTagOfUncheckedStream() {
        // D11 handler row 5
        SpecTag latest = tag("latest", "test/other:latest", false, 1);

        ImportPlan plan = ImportTriggers.onDemand(unchecked(Optional.empty(), List.of(latest)))
                .orElseThrow();

        assertThat(plan.repository()).isEmpty();
        assertThat(plan.images()).containsExactly(LATEST);
        assertThat(plan.streamUid()).contains("uid-other");
        assertThat(plan.resourceVersion()).contains("5");
    }

    @Test
    void importsRepositoryOfUncheckedStream() {
        // D11 handler row 6: repository import plus every importable tag
        SpecTag latest = tag("latest", "test/other:latest", false, 1);
        ImageStreamState stream = withInsecureAnnotation(unchecked(Optional.of("test/other"), List.of(latest)));

        ImportPlan plan = ImportTriggers.onDemand(stream).orElseThrow();

        assertThat(plan.repository()).contains(new ImportPlan.RepositoryImport("test/other", true));
        assertThat(plan.images()).containsExactly(LATEST);
    }

    private static ImageStreamState withInsecureAnnotation(ImageStreamState stream) {
        StreamMetadata m = stream.metadata();
        return new ImageStreamState(
                new StreamMetadata(
                        m.namespace(),
                        m.name(),
                        m.uid(),
                        m.resourceVersion(),
                        m.generation(),
                        m.creationTimestamp(),
                        m.labels(),
                        Map.of(StreamMetadata.INSECURE_REPOSITORY_ANNOTATION, "true")),
                stream.spec(),
                stream.status());
    }

    @Test
    void importsTagWhoseGenerationIsAheadOfItsItems() {
        // D11 handler row 7
        SpecTag ahead = tag("latest", "test/other:latest", false, 2);
        SpecTag current = tag("stable", "test/other:stable", false, 1);
        var items = new TagHistory(
                "latest", List.of(new TagEvent(Streams.T0, "test/other@sha256:a", "sha256:a", 1)), List.of());

        ImportPlan plan = ImportTriggers.onDemand(checked(
                        Optional.empty(), List.of(ahead, current), List.of(items, Streams.imported("stable", 1))))
                .orElseThrow();

        assertThat(plan.tags()).containsExactly("latest");
    }

    @Test
    void importsNothingWhenFailureConditionAlreadyRecordsTheGeneration() {
        // D11 handler row 8
        SpecTag ahead = tag("latest", "test/other:latest", false, 2);
        var failed = new TagHistory(
                "latest",
                List.of(),
                List.of(TagCondition.importFailed("NotFound", Optional.of("gone"), 2, Streams.T0)));

        assertThat(ImportTriggers.onDemand(checked(Optional.empty(), List.of(ahead), List.of(failed))))
                .isEmpty();
    }

    @Test
    void importsTagWithoutGeneration() {
        // A13.1: a nil generation counts as needing import
        SpecTag legacy = new SpecTag(
                "latest",
                Map.of(),
                Optional.of(TagFrom.dockerImage("test/other:latest")),
                false,
                Optional.empty(),
                TagImportPolicy.DEFAULT,
                Optional.empty());

        assertThat(ImportTriggers.onDemand(checked(Optional.empty(), List.of(legacy), List.of())))
                .map(ImportPlan::tags)
                .contains(List.of("latest"));
    }
}
