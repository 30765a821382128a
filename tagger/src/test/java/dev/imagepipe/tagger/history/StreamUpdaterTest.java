package dev.imagepipe.tagger.history;

import static dev.imagepipe.tagger.history.Fixtures.D1;
import static dev.imagepipe.tagger.history.Fixtures.D2;
import static dev.imagepipe.tagger.history.Fixtures.D3;
import static dev.imagepipe.tagger.history.Fixtures.T0;
import static dev.imagepipe.tagger.history.Fixtures.T1;
import static dev.imagepipe.tagger.history.Fixtures.T2;
import static dev.imagepipe.tagger.history.Fixtures.failed;
import static dev.imagepipe.tagger.history.Fixtures.history;
import static dev.imagepipe.tagger.history.Fixtures.imported;
import static dev.imagepipe.tagger.history.Fixtures.result;
import static dev.imagepipe.tagger.history.Fixtures.specTag;
import static dev.imagepipe.tagger.history.Fixtures.stream;
import static dev.imagepipe.tagger.history.Fixtures.tracking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.tagger.history.StreamUpdate.Rejected;
import dev.imagepipe.tagger.history.StreamUpdate.Unchanged;
import dev.imagepipe.tagger.history.StreamUpdate.Written;
import dev.imagepipe.tagger.history.TagChange.Added;
import dev.imagepipe.tagger.history.TagChange.Deleted;
import dev.imagepipe.tagger.history.TagChange.ImportFailed;
import dev.imagepipe.tagger.history.TagChange.Moved;
import dev.imagepipe.tagger.history.TagChange.Recovered;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamUpdaterTest {

    private static final String REPO = "docker.io/library/ruby";
    private static final String FROM = REPO + ":2.0";

    private final StreamUpdater updater = new StreamUpdater(HistorySettings.DEFAULT);

    private Written written(StreamUpdate update) {
        assertThat(update).isInstanceOf(Written.class);
        return (Written) update;
    }

    private ImageStreamState firstImport() {
        return written(updater.apply(Optional.empty(), result(T0, imported("2.0", FROM, D1, REPO)))).stream();
    }

    private static TagHistory status(ImageStreamState stream, String tag) {
        return stream.statusTag(tag).orElseThrow();
    }

    // --- create and "no change writes nothing" (A11.9) ---

    @Test
    void createsStreamAtGenerationOneWithCheckAnnotationOnFirstImport() {
        Written update = written(updater.apply(Optional.empty(), result(T1, imported("2.0", FROM, D1, REPO))));

        ImageStreamState stream = update.stream();
        assertThat(update.created()).isTrue();
        assertThat(stream.metadata().generation()).isEqualTo(1);
        assertThat(stream.metadata().uid()).isPresent();
        assertThat(stream.metadata().creationTimestamp()).contains(T1);
        assertThat(stream.metadata().resourceVersion()).contains("1");
        assertThat(stream.metadata().annotations())
                .containsEntry(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2025-03-01T11:00:00Z");
        assertThat(stream.specTag("2.0").orElseThrow().generation()).contains(1L);
        assertThat(status(stream, "2.0").items()).containsExactly(new TagEvent(T1, REPO + "@" + D1, D1, 1));
        assertThat(update.changes()).containsExactly(new Added("2.0", new TagEvent(T1, REPO + "@" + D1, D1, 1)));
    }

    @Test
    void assignsSameUidWhenSameCreateIsReplayed() {
        ImportResult create = result(T1, imported("2.0", FROM, D1, REPO));

        assertThat(written(updater.apply(Optional.empty(), create)).stream())
                .isEqualTo(written(updater.apply(Optional.empty(), create)).stream());
    }

    @Test
    void createsTagWithFirstEventWhenTagIsAbsent() {
        // D5 row 1 ("tag absent") on a stored stream.
        ImageStreamState stream = stream(1, List.of(specTag("other", REPO + ":other", 1)), List.of());

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D1, REPO))));

        assertThat(status(update.stream(), "2.0").items()).containsExactly(new TagEvent(T1, REPO + "@" + D1, D1, 2));
        assertThat(update.changes())
                .containsExactly(
                        new Added("2.0", status(update.stream(), "2.0").items().getFirst()));
    }

    @Test
    void writesNothingWhenReimportFindsSameImage() {
        ImageStreamState stream = firstImport();

        StreamUpdate update = updater.apply(Optional.of(stream), result(T2, imported("2.0", FROM, D1, REPO)));

        assertThat(update).isEqualTo(new Unchanged(stream));
    }

    @Test
    void writesCheckAnnotationOnStreamThatNeverHadIt() {
        ImageStreamState imported = firstImport();
        var annotations = new HashMap<>(imported.metadata().annotations());
        annotations.remove(StreamMetadata.REPOSITORY_CHECK_ANNOTATION);
        StreamMetadata m = imported.metadata();
        ImageStreamState unchecked = new ImageStreamState(
                new StreamMetadata(
                        m.namespace(),
                        m.name(),
                        m.uid(),
                        m.resourceVersion(),
                        m.generation(),
                        m.creationTimestamp(),
                        m.labels(),
                        annotations),
                imported.spec(),
                imported.status());

        Written update = written(updater.apply(Optional.of(unchecked), result(T2, imported("2.0", FROM, D1, REPO))));

        assertThat(update.changes()).isEmpty();
        assertThat(update.stream().metadata().annotations())
                .containsEntry(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2025-03-01T12:00:00Z");
        assertThat(update.stream().metadata().generation()).isEqualTo(1);
    }

    @Test
    void writesNothingForImportWithoutTargetTagsOnExistingStream() {
        ImageStreamState stream = firstImport();
        var untagged = new ImportEntry(
                Optional.empty(),
                REPO + "@" + D2,
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Imported(D2, REPO + "@" + D2));

        assertThat(updater.apply(Optional.of(stream), result(T1, untagged))).isEqualTo(new Unchanged(stream));
    }

    // --- TagEvents on import (A11.1-A11.6) ---

    @Test
    void movesTagAndPrependsEventWhenDigestChanges() {
        ImageStreamState stream = firstImport();
        TagEvent first = status(stream, "2.0").items().getFirst();

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D2, REPO))));

        TagEvent moved = new TagEvent(T1, REPO + "@" + D2, D2, 2);
        assertThat(status(update.stream(), "2.0").items()).containsExactly(moved, first);
        assertThat(update.changes()).containsExactly(new Moved("2.0", moved, first));
        assertThat(update.stream().metadata().generation()).isEqualTo(2);
        assertThat(update.stream().specTag("2.0").orElseThrow().generation()).contains(2L);
        assertThat(update.stream().metadata().resourceVersion()).contains("2");
    }

    @Test
    void recordsEventByDigestEvenWhenImporterReportsTagReference() {
        var entry = new ImportEntry(
                Optional.of("2.0"),
                FROM,
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Imported(D1, "registry.local:5000/ruby:2.0"));

        Written update = written(updater.apply(Optional.empty(), result(T0, entry)));

        assertThat(status(update.stream(), "2.0").items().getFirst().dockerImageReference())
                .isEqualTo("registry.local:5000/ruby@" + D1);
    }

    /**
     * D5 second table ({@code importSuccessful}): tag mytag, spec from registry.com/namespace/image:mytag, stream
     * generation 1 so nextGeneration is 2, import of D1.
     */
    private static final String IMAGE_REPO = "registry.com/namespace/image";

    private Written importD1(SpecTag spec, List<TagHistory> status, ReferencePolicy importPolicy) {
        ImageStreamState stream = stream(1, List.of(spec), status);
        var entry = new ImportEntry(
                Optional.of("mytag"),
                IMAGE_REPO + ":mytag",
                TagImportPolicy.DEFAULT,
                importPolicy,
                new EntryOutcome.Imported(D1, IMAGE_REPO + "@" + D1));
        return written(updater.apply(Optional.of(stream), result(T1, entry)));
    }

    private static SpecTag myTag(long generation, Optional<ReferencePolicy> policy) {
        return specTag("mytag", IMAGE_REPO + ":mytag", Optional.of(generation), policy);
    }

    @Test
    void prependsNewEventAndSetsReferencePolicyWhenTagHadNone() {
        // D5 importSuccessful row 1.
        TagEvent old = new TagEvent(T0, IMAGE_REPO + "@" + D2, D2, 1);

        Written update = importD1(myTag(1, Optional.empty()), List.of(history("mytag", old)), ReferencePolicy.SOURCE);

        assertThat(status(update.stream(), "mytag").items())
                .containsExactly(new TagEvent(T1, IMAGE_REPO + "@" + D1, D1, 2), old);
        assertThat(update.stream().specTag("mytag").orElseThrow().referencePolicy())
                .contains(ReferencePolicy.SOURCE);
    }

    @Test
    void takesLocalPolicyFromImportWhenTagHadNone() {
        // D5 importSuccessful row 2.
        TagEvent old = new TagEvent(T0, IMAGE_REPO + ":othertag", "non-image", 1);

        Written update = importD1(myTag(1, Optional.empty()), List.of(history("mytag", old)), ReferencePolicy.LOCAL);

        assertThat(status(update.stream(), "mytag").items().getFirst())
                .isEqualTo(new TagEvent(T1, IMAGE_REPO + "@" + D1, D1, 2));
        assertThat(update.stream().specTag("mytag").orElseThrow().referencePolicy())
                .contains(ReferencePolicy.LOCAL);
    }

    @Test
    void keepsExplicitReferencePolicyAgainstImportPolicy() {
        // D5 importSuccessful row 3.
        Written update = importD1(myTag(1, Optional.of(ReferencePolicy.SOURCE)), List.of(), ReferencePolicy.LOCAL);

        assertThat(status(update.stream(), "mytag").items())
                .containsExactly(new TagEvent(T1, IMAGE_REPO + "@" + D1, D1, 2));
        assertThat(update.stream().specTag("mytag").orElseThrow().referencePolicy())
                .contains(ReferencePolicy.SOURCE);
    }

    @Test
    void bumpsGenerationOfSameEventWithoutChangingCreated() {
        // D5 importSuccessful row 4 (origin#10402): spec generation 2 is ahead of items[0] generation 1.
        TagEvent current = new TagEvent(T0, IMAGE_REPO + "@" + D1, D1, 1);

        Written update = importD1(
                myTag(2, Optional.of(ReferencePolicy.LOCAL)),
                List.of(history("mytag", current)),
                ReferencePolicy.SOURCE);

        assertThat(status(update.stream(), "mytag").items())
                .containsExactly(new TagEvent(T0, IMAGE_REPO + "@" + D1, D1, 2));
        assertThat(update.stream().specTag("mytag").orElseThrow().referencePolicy())
                .contains(ReferencePolicy.LOCAL);
        assertThat(update.stream().specTag("mytag").orElseThrow().generation()).contains(2L);
        assertThat(update.changes()).isEmpty(); // the image did not move
    }

    @Test
    void pointsResetSpecTagAtRequestedSource() {
        // A11.4: a changed tag's from becomes the request's from.
        ImageStreamState stream = stream(1, List.of(specTag("2.0", "quay.io/old/ruby:2.0", 1)), List.of());

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D1, REPO))));

        assertThat(update.stream().specTag("2.0").orElseThrow().from()).contains(TagFrom.dockerImage(FROM));
    }

    @Test
    void replacesImportPolicyOnEverySuccess() {
        // A11.5: an import without "scheduled" turns scheduling off even when nothing else changed.
        ImageStreamState stream = firstImport();
        SpecTag scheduled = stream.specTag("2.0").orElseThrow();
        stream = new ImageStreamState(
                stream.metadata(),
                new StreamSpec(
                        false,
                        Optional.empty(),
                        List.of(scheduled.withImportPolicy(TagImportPolicy.DEFAULT.withScheduled(true)))),
                stream.status());

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D1, REPO))));

        SpecTag tag = update.stream().specTag("2.0").orElseThrow();
        assertThat(tag.importPolicy().scheduled()).isFalse();
        assertThat(tag.generation()).contains(1L); // a policy change alone is no new spec generation for the tag
        assertThat(update.stream().metadata().generation()).isEqualTo(2);
        assertThat(update.changes()).isEmpty();
    }

    // --- failures and conditions (A11.7) ---

    @Test
    void recordsFailureAndKeepsLastGoodImage() {
        ImageStreamState stream = firstImport();

        Written update = written(
                updater.apply(Optional.of(stream), result(T1, failed("2.0", FROM, "NotFound", "manifest unknown"))));

        TagHistory tag = status(update.stream(), "2.0");
        TagCondition condition = TagCondition.importFailed("NotFound", Optional.of("manifest unknown"), 2, T1);
        assertThat(tag.items()).isEqualTo(status(stream, "2.0").items());
        assertThat(tag.conditions()).containsExactly(condition);
        assertThat(update.changes()).containsExactly(new ImportFailed("2.0", condition));
        // the spec tag was asked to re-import: it is stamped with the new stream generation
        assertThat(update.stream().metadata().generation()).isEqualTo(2);
        assertThat(update.stream().specTag("2.0").orElseThrow().generation()).contains(2L);
    }

    @Test
    void writesNothingWhenSameFailureRepeats() {
        // A11.7 no churn: same type, status, reason and message; time and generation are not compared.
        ImageStreamState failedOnce = written(updater.apply(
                        Optional.of(firstImport()), result(T1, failed("2.0", FROM, "NotFound", "manifest unknown"))))
                .stream();

        StreamUpdate again =
                updater.apply(Optional.of(failedOnce), result(T2, failed("2.0", FROM, "NotFound", "manifest unknown")));

        assertThat(again).isEqualTo(new Unchanged(failedOnce));
    }

    @Test
    void replacesConditionWhenFailureMessageChanges() {
        // BZ 1788700: the message is part of the comparison.
        ImageStreamState failedOnce = written(updater.apply(
                        Optional.of(firstImport()), result(T1, failed("2.0", FROM, "NotFound", "manifest unknown"))))
                .stream();

        Written update = written(
                updater.apply(Optional.of(failedOnce), result(T2, failed("2.0", FROM, "NotFound", "repository gone"))));

        TagCondition condition = TagCondition.importFailed("NotFound", Optional.of("repository gone"), 3, T2);
        assertThat(status(update.stream(), "2.0").conditions()).containsExactly(condition);
        assertThat(update.changes()).containsExactly(new ImportFailed("2.0", condition));
    }

    @Test
    void defaultsEmptyFailureMessage() {
        // D5 createImages failure case: empty message.
        Written update = written(updater.apply(Optional.empty(), result(T0, failed("2.0", FROM, "Unknown", ""))));

        assertThat(status(update.stream(), "2.0").conditions().getFirst().message())
                .contains("unknown error prevented import");
        assertThat(status(update.stream(), "2.0").items()).isEmpty();
    }

    @Test
    void createsMissingSpecTagForFailedImage() {
        // A11.7: spec.images with "to" ensure a spec tag pointing at the requested from.
        Written update =
                written(updater.apply(Optional.empty(), result(T0, failed("2.0", FROM, "Unauthorized", "denied"))));

        SpecTag tag = update.stream().specTag("2.0").orElseThrow();
        assertThat(tag.from()).contains(TagFrom.dockerImage(FROM));
        assertThat(tag.generation()).contains(1L);
    }

    @Test
    void createsNoSpecTagForFailedRepositoryTag() {
        var entry = ImportEntry.repositoryTag(
                REPO,
                "2.0",
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Failed("NotFound", Optional.of("gone")));
        var result = new ImportResult("ns", "ruby", Optional.empty(), Optional.empty(), T0, List.of(entry), List.of());

        Written update = written(updater.apply(Optional.empty(), result));

        assertThat(update.stream().spec().tags()).isEmpty();
        assertThat(status(update.stream(), "2.0").importFailure()).isPresent();
    }

    @Test
    void reportsRecoveredWhenFailingTagImportsSameImageAgain() {
        ImageStreamState failing =
                written(updater.apply(Optional.of(firstImport()), result(T1, failed("2.0", FROM, "Timeout", "slow"))))
                        .stream();
        TagCondition failure = status(failing, "2.0").conditions().getFirst();

        Written update = written(updater.apply(Optional.of(failing), result(T2, imported("2.0", FROM, D1, REPO))));

        TagHistory tag = status(update.stream(), "2.0");
        assertThat(tag.conditions()).isEmpty();
        assertThat(update.changes())
                .containsExactly(new Recovered("2.0", tag.items().getFirst(), failure));
    }

    @Test
    void reportsMoveBeforeRecoveryWhenFailingTagImportsNewImage() {
        ImageStreamState failing =
                written(updater.apply(Optional.of(firstImport()), result(T1, failed("2.0", FROM, "Timeout", "slow"))))
                        .stream();

        Written update = written(updater.apply(Optional.of(failing), result(T2, imported("2.0", FROM, D2, REPO))));

        assertThat(update.changes()).hasExactlyElementsOfTypes(Moved.class, Recovered.class);
    }

    // --- generations (A11.8) ---

    @Test
    void reimportsWhenSpecGenerationIsAheadWithoutMovingTag() {
        // A client asked for a re-import by writing generation 0; the save stamped it to 2 (stream generation 2),
        // items[0] still has 1: the same image is recorded again at generation 3 = nextGeneration.
        ImageStreamState stream = stream(
                2, List.of(specTag("2.0", FROM, 2)), List.of(history("2.0", new TagEvent(T0, REPO + "@" + D1, D1, 1))));

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D1, REPO))));

        assertThat(status(update.stream(), "2.0").items()).containsExactly(new TagEvent(T0, REPO + "@" + D1, D1, 3));
        assertThat(update.stream().metadata().generation()).isEqualTo(3);
        assertThat(update.stream().specTag("2.0").orElseThrow().generation()).contains(3L);
        assertThat(update.changes()).isEmpty();
    }

    @Test
    void stampsStatusOnlyFailureWithNextGenerationWithoutBumpingStream() {
        // A repository tag without a spec tag: the condition records nextGeneration, the spec did not change.
        ImageStreamState stream = stream(4, List.of(), List.of());
        var entry = ImportEntry.repositoryTag(
                REPO,
                "2.0",
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Failed("NotFound", Optional.of("gone")));
        var result = new ImportResult("ns", "ruby", Optional.empty(), Optional.empty(), T1, List.of(entry), List.of());

        Written update = written(updater.apply(Optional.of(stream), result));

        assertThat(status(update.stream(), "2.0").conditions().getFirst().generation())
                .isEqualTo(5);
        assertThat(update.stream().metadata().generation()).isEqualTo(4);
    }

    // --- ordering and tracking (A2.9, A11.10) ---

    @Test
    void appliesRepositoryTagsBeforeSpecImages() {
        var fromRepository = ImportEntry.repositoryTag(
                "quay.io/ruby/ruby",
                "2.0",
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Imported(D1, "quay.io/ruby/ruby@" + D1));
        var result = new ImportResult(
                "ns",
                "ruby",
                Optional.empty(),
                Optional.empty(),
                T0,
                List.of(fromRepository),
                List.of(imported("2.0", FROM, D2, REPO)));

        ImageStreamState stream = written(updater.apply(Optional.empty(), result)).stream();

        assertThat(status(stream, "2.0").items()).extracting(TagEvent::image).containsExactly(D2, D1);
        assertThat(stream.specTag("2.0").orElseThrow().from()).contains(TagFrom.dockerImage(FROM));
    }

    @Test
    void givesImportedEventToTrackingTags() {
        ImageStreamState stream = stream(1, List.of(tracking("stable", TagFrom.imageStreamTag("2.0"))), List.of());

        Written update = written(updater.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D1, REPO))));

        TagEvent event = new TagEvent(T1, REPO + "@" + D1, D1, 2);
        assertThat(status(update.stream(), "stable").items()).containsExactly(event);
        assertThat(update.changes()).containsExactly(new Added("2.0", event), new Added("stable", event));
    }

    // --- optimistic lock (A2.4) ---

    @Test
    void rejectsRequestNamingUidForMissingStream() {
        var result = new ImportResult("ns", "ruby", Optional.of("uid-1"), Optional.empty(), T0, List.of(), List.of());

        assertThat(updater.apply(Optional.empty(), result))
                .isEqualTo(
                        new Rejected(Rejected.Reason.NOT_FOUND, "imagestreams.image.openshift.io \"ruby\" not found"));
    }

    @Test
    void rejectsRequestNamingVersionForMissingStream() {
        var result = new ImportResult("ns", "ruby", Optional.empty(), Optional.of("3"), T0, List.of(), List.of());

        assertThat(updater.apply(Optional.empty(), result))
                .extracting(u -> ((Rejected) u).reason())
                .isEqualTo(Rejected.Reason.NOT_FOUND);
    }

    @Test
    void rejectsRequestPlannedAgainstOlderVersion() {
        var result = new ImportResult(
                "ns",
                "ruby",
                Optional.of("uid-1"),
                Optional.of("6"),
                T0,
                List.of(),
                List.of(imported("2.0", FROM, D1, REPO)));

        assertThat(updater.apply(Optional.of(stream(1, List.of(), List.of())), result))
                .isEqualTo(new Rejected(Rejected.Reason.CONFLICT, "the image stream was updated from \"6\" to \"7\""));
    }

    @Test
    void rejectsRequestForRecreatedStream() {
        var result = new ImportResult("ns", "ruby", Optional.of("uid-0"), Optional.of("7"), T0, List.of(), List.of());

        assertThat(updater.apply(Optional.of(stream(1, List.of(), List.of())), result))
                .extracting(u -> ((Rejected) u).reason())
                .isEqualTo(Rejected.Reason.NOT_FOUND);
    }

    @Test
    void appliesRequestWhoseLockMatches() {
        var result = new ImportResult(
                "ns",
                "ruby",
                Optional.of("uid-1"),
                Optional.of("7"),
                T1,
                List.of(),
                List.of(imported("2.0", FROM, D1, REPO)));

        Written update = written(updater.apply(Optional.of(stream(1, List.of(), List.of())), result));

        assertThat(update.stream().metadata().resourceVersion()).contains("8");
    }

    // --- retention, registry locations, deletion ---

    @Test
    void appliesRetentionOnEveryWrite() {
        var keepTwo = new StreamUpdater(new HistorySettings(RetentionPolicy.keepNewest(2), RegistryHostnames.NONE));
        ImageStreamState stream =
                written(keepTwo.apply(Optional.empty(), result(T0, imported("2.0", FROM, D1, REPO)))).stream();
        stream = written(keepTwo.apply(Optional.of(stream), result(T1, imported("2.0", FROM, D2, REPO)))).stream();
        stream = written(keepTwo.apply(Optional.of(stream), result(T2, imported("2.0", FROM, D3, REPO)))).stream();

        assertThat(status(stream, "2.0").items()).extracting(TagEvent::image).containsExactly(D3, D2);
    }

    @Test
    void setsRegistryLocationsFromHostnames() {
        var hostnames =
                new RegistryHostnames(Optional.of("image-registry.svc:5000"), Optional.of("registry.example.com"));
        var withRegistry = new StreamUpdater(new HistorySettings(RetentionPolicy.UNLIMITED, hostnames));

        ImageStreamState stream =
                written(withRegistry.apply(Optional.empty(), result(T0, imported("2.0", FROM, D1, REPO)))).stream();

        assertThat(stream.status().dockerImageRepository()).isEqualTo("image-registry.svc:5000/ns/ruby");
        assertThat(stream.status().publicDockerImageRepository()).contains("registry.example.com/ns/ruby");
    }

    @Test
    void deletesTagFromSpecAndStatus() {
        ImageStreamState stream = firstImport();
        TagEvent current = status(stream, "2.0").items().getFirst();

        Written update = written(updater.deleteTag(stream, "2.0", T1));

        assertThat(update.stream().spec().tags()).isEmpty();
        assertThat(update.stream().status().tags()).isEmpty();
        assertThat(update.changes()).containsExactly(new Deleted("2.0", Optional.of(current)));
        assertThat(update.stream().metadata().generation()).isEqualTo(2);
        assertThat(update.stream().metadata().annotations())
                .isEqualTo(Map.of(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2025-03-01T10:00:00Z"));
    }

    @Test
    void deletingUnknownTagChangesNothing() {
        ImageStreamState stream = firstImport();

        assertThat(updater.deleteTag(stream, "nope", T1)).isEqualTo(new Unchanged(stream));
    }
}
