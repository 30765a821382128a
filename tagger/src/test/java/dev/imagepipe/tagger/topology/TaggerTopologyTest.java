package dev.imagepipe.tagger.topology;

import static dev.imagepipe.tagger.topology.TaggerDriver.KEY;
import static dev.imagepipe.tagger.topology.TaggerDriver.START;
import static dev.imagepipe.tagger.topology.TaggerDriver.failed;
import static dev.imagepipe.tagger.topology.TaggerDriver.imported;
import static dev.imagepipe.tagger.topology.TaggerDriver.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.ReferencePolicy;
import dev.imagepipe.tagger.history.RetentionPolicy;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.StreamMetadata;
import dev.imagepipe.tagger.history.StreamSpec;
import dev.imagepipe.tagger.history.StreamStatus;
import dev.imagepipe.tagger.history.TagCondition;
import dev.imagepipe.tagger.history.TagEvent;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Import results through the topology to {@code streams}, {@code tags} and {@code tag.events} (A11, D5, D6, D9). */
class TaggerTopologyTest {

    private static final String REPO = "registry.com/namespace/image";
    private static final String FROM = REPO + ":mytag";
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);
    /** When seeded streams were written, before the driver's start. */
    private static final Instant SEEDED = START.minus(Duration.ofDays(1));

    private static final Instant T1 = START.plusSeconds(60);
    private static final Instant T2 = START.plusSeconds(120);
    private static final Instant T3 = START.plusSeconds(180);

    private static SchemaRegistryServer schemaRegistry;

    @TempDir
    Path stateDir;

    private TaggerDriver tagger;

    @BeforeAll
    static void startSchemaRegistry() {
        schemaRegistry = SchemaRegistryServer.start(SchemaRegistryConfig.inMemory(0));
    }

    @AfterAll
    static void stopSchemaRegistry() {
        schemaRegistry.close();
    }

    @AfterEach
    void close() {
        if (tagger != null) {
            tagger.close();
        }
    }

    private TaggerDriver start(TaggerTopology.Settings settings) {
        tagger = new TaggerDriver(schemaRegistry.url(), stateDir, settings);
        return tagger;
    }

    private TaggerDriver start() {
        return start(TaggerDriver.settings());
    }

    // --- seeded streams, as an earlier writer left them ---

    private static ImageStreamState seeded(long generation, List<SpecTag> spec, List<TagHistory> status) {
        var metadata = new StreamMetadata(
                TaggerDriver.NS,
                TaggerDriver.STREAM,
                Optional.of("uid-1"),
                Optional.of("7"),
                generation,
                Optional.of(SEEDED),
                Map.of(),
                Map.of(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2026-02-28T10:00:00Z"));
        return new ImageStreamState(
                metadata,
                new StreamSpec(false, Optional.empty(), spec),
                new StreamStatus("", Optional.empty(), status));
    }

    private static SpecTag specTag(String name, String from, long generation, ReferencePolicy policy) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.of(TagFrom.dockerImage(from)),
                false,
                Optional.of(generation),
                TagImportPolicy.DEFAULT,
                Optional.of(policy));
    }

    private static SpecTag tracking(String name, TagFrom from) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.ofNullable(from),
                false,
                Optional.of(1L),
                TagImportPolicy.DEFAULT,
                Optional.of(ReferencePolicy.SOURCE));
    }

    private static TagEvent event(String ref, String image, long generation) {
        return new TagEvent(SEEDED, ref, image, generation);
    }

    private static TagHistory history(String tag, TagEvent... items) {
        return new TagHistory(tag, List.of(items), List.of());
    }

    private static List<TagEvent> items(ImageStream stream, String tag) {
        return stream.getStatus().getTags().stream()
                .filter(t -> t.getTag().equals(tag))
                .findFirst()
                .orElseThrow()
                .getItems()
                .stream()
                .map(AvroTags::event)
                .toList();
    }

    private static TagEvent at(Instant created, String ref, String image, long generation) {
        return new TagEvent(created, ref, image, generation);
    }

    private List<TagEventRecord> events() {
        return TaggerDriver.values(tagger.tagEvents.readRecordsToList());
    }

    // --- D5: TagEvent application (tag "mytag"; the seeded stream is at generation 1, so nextGeneration is 2) ---

    @Test
    void d5TagAbsentGetsFirstEventAndAnAddedRecord() {
        start().seed(seeded(1, List.of(specTag("other", REPO + ":other", 1, ReferencePolicy.SOURCE)), List.of()));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));

        assertThat(items(tagger.streams.readValue(), "mytag")).containsExactly(at(T1, REPO + "@" + D1, D1, 2));
        TagEventRecord added = tagger.tagEvents.readKeyValue().value;
        assertThat(added.getKind()).isEqualTo(TagEventKind.Added);
        assertThat(added.getRequestUid()).isEqualTo("req-1");
        assertThat(added.getEventTime()).isEqualTo(T1);
        assertThat(AvroTags.event(added.getEvent())).isEqualTo(at(T1, REPO + "@" + D1, D1, 2));
    }

    @Test
    void d5EmptyHistoryGetsFirstEvent() {
        start().seed(seeded(1, List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)), List.of(history("mytag"))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));

        assertThat(items(tagger.streams.readValue(), "mytag")).containsExactly(at(T1, REPO + "@" + D1, D1, 2));
        assertThat(events()).extracting(TagEventRecord::getKind).containsExactly(TagEventKind.Added);
    }

    @Test
    void d5SameReferenceImageAndGenerationWritesNothing() {
        start().seed(seeded(
                1,
                List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)),
                List.of(history("mytag", event(REPO + "@" + D1, D1, 2)))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));

        assertThat(tagger.nothingWritten()).isTrue();
    }

    @Test
    void d5SameReferenceNewImageRewritesFirstItemInPlace() {
        // An earlier writer recorded D1 under a reference naming D2: same reference, another image.
        start().seed(seeded(
                1,
                List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)),
                List.of(history("mytag", event(REPO + "@" + D2, D1, 1)))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D2)));

        assertThat(items(tagger.streams.readValue(), "mytag")).containsExactly(event(REPO + "@" + D2, D2, 2));
        TagEventRecord moved = tagger.tagEvents.readValue();
        assertThat(moved.getKind()).isEqualTo(TagEventKind.Moved);
        assertThat(moved.getPrevious().getImage()).isEqualTo(D1);
        assertThat(moved.getEvent().getImage()).isEqualTo(D2);
    }

    @Test
    void d5NewReferenceSameImageRewritesFirstItemWithoutATagEvent() {
        // Re-spelling the same image (busybox vs docker.io/library/busybox) only rewrites items[0] (A11.6).
        start().seed(seeded(
                1,
                List.of(specTag("mytag", "docker.io/library/busybox:mytag", 1, ReferencePolicy.SOURCE)),
                List.of(history("mytag", event("docker.io/library/busybox@" + D1, D1, 1)))));

        tagger.send(result("req-1", T1, imported("mytag", "busybox:mytag", D1)));

        assertThat(items(tagger.streams.readValue(), "mytag")).containsExactly(event("busybox@" + D1, D1, 2));
        assertThat(tagger.tagTable()).containsKey(KEY + ":mytag");
        assertThat(tagger.tagEvents.isEmpty()).isTrue();
    }

    @Test
    void d5NewReferenceNewImagePrependsAndReportsTheMove() {
        start().seed(seeded(
                1,
                List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)),
                List.of(history("mytag", event(REPO + "@" + D1, D1, 1)))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D2)));

        assertThat(items(tagger.streams.readValue(), "mytag"))
                .containsExactly(at(T1, REPO + "@" + D2, D2, 2), event(REPO + "@" + D1, D1, 1));
        TagEventRecord moved = tagger.tagEvents.readValue();
        assertThat(moved.getKind()).isEqualTo(TagEventKind.Moved);
        assertThat(AvroTags.event(moved.getPrevious())).isEqualTo(event(REPO + "@" + D1, D1, 1));
        assertThat(AvroTags.event(moved.getEvent())).isEqualTo(at(T1, REPO + "@" + D2, D2, 2));
        assertThat(tagger.told).as("the application's metrics hear of it").containsExactly("Moved");
    }

    @Test
    void d5SameEventAtNewGenerationTakesTheGenerationAndKeepsCreated() {
        // importSuccessful row 4: spec tag generation 2 is ahead of items[0] (generation 1); Local is kept.
        start().seed(seeded(
                1,
                List.of(specTag("mytag", FROM, 2, ReferencePolicy.LOCAL)),
                List.of(history("mytag", event(REPO + "@" + D1, D1, 1)))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1, ReferencePolicyType.Source, false)));

        ImageStream stream = tagger.streams.readValue();
        assertThat(items(stream, "mytag")).containsExactly(event(REPO + "@" + D1, D1, 2));
        assertThat(stream.getSpec().getTags().getFirst().getReferencePolicy().getType())
                .isEqualTo(ReferencePolicyType.Local);
        assertThat(tagger.tagEvents.isEmpty()).isTrue();
    }

    @Test
    void d5ImportIntoTagWithoutSpecTakesRequestedReferencePolicyAndPrepends() {
        // importSuccessful rows 1 and 2: the tag has no reference policy (only status, no spec tag, can say so).
        start().seed(seeded(1, List.of(), List.of(history("mytag", event(REPO + ":othertag", "non-image", 1)))));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1, ReferencePolicyType.Local, false)));

        ImageStream stream = tagger.streams.readValue();
        assertThat(items(stream, "mytag"))
                .containsExactly(at(T1, REPO + "@" + D1, D1, 2), event(REPO + ":othertag", "non-image", 1));
        assertThat(stream.getSpec().getTags().getFirst().getReferencePolicy().getType())
                .isEqualTo(ReferencePolicyType.Local);
    }

    @Test
    void d5ExplicitReferencePolicyIsKeptAgainstTheImports() {
        // importSuccessful row 3: spec Source, no status, import asks Local.
        start().seed(seeded(1, List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)), List.of()));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1, ReferencePolicyType.Local, false)));

        ImageStream stream = tagger.streams.readValue();
        assertThat(items(stream, "mytag")).containsExactly(at(T1, REPO + "@" + D1, D1, 2));
        assertThat(stream.getSpec().getTags().getFirst().getReferencePolicy().getType())
                .isEqualTo(ReferencePolicyType.Source);
    }

    @Test
    void d5FailureWithoutMessageRecordsUnknownErrorAndKeepsLastGoodImage() {
        start().seed(seeded(
                1,
                List.of(specTag("mytag", FROM, 1, ReferencePolicy.SOURCE)),
                List.of(history("mytag", event(REPO + "@" + D1, D1, 1)))));

        tagger.send(result("req-1", T1, failed("mytag", FROM, ImportFailureReason.NotFound, "")));

        ImageStreamTagView view = tagger.tags.readValue();
        assertThat(view.getHistory().getItems()).hasSize(1);
        TagCondition condition =
                AvroTags.condition(view.getHistory().getConditions().getFirst());
        assertThat(condition.reason()).contains("NotFound");
        assertThat(condition.message()).contains(TagCondition.UNKNOWN_ERROR_MESSAGE);
        assertThat(condition.generation()).isEqualTo(2);
        assertThat(view.getResolvedPullSpec()).isEqualTo(REPO + "@" + D1);
        TagEventRecord failure = tagger.tagEvents.readValue();
        assertThat(failure.getKind()).isEqualTo(TagEventKind.ImportFailed);
        assertThat(failure.getEvent()).isNull();
        assertThat(failure.getCondition().getMessage()).isEqualTo(TagCondition.UNKNOWN_ERROR_MESSAGE);
    }

    // --- D6: tracking tags (stream ns/ruby, updated tag 2.0) ---

    static Stream<Arguments> d6() {
        TagFrom fromNil = null;
        return Stream.of(
                Arguments.of("from nil", List.of(tracking("latest", fromNil)), List.of()),
                Arguments.of(
                        "from ImageStreamImage",
                        List.of(tracking(
                                "latest", new TagFrom(TagFrom.IMAGE_STREAM_IMAGE, "ruby@" + D1, Optional.empty()))),
                        List.of()),
                Arguments.of(
                        "another namespace",
                        List.of(tracking("latest", new TagFrom(TagFrom.IMAGE_STREAM_TAG, "2.0", Optional.of("other")))),
                        List.of()),
                Arguments.of(
                        "another stream",
                        List.of(tracking("latest", TagFrom.imageStreamTag("otherstream:2.0"))),
                        List.of()),
                Arguments.of(
                        "stream:tag",
                        List.of(tracking("latest", TagFrom.imageStreamTag("ruby:2.0"))),
                        List.of("latest")),
                Arguments.of(
                        "bare tag, other untracked",
                        List.of(
                                tracking("latest", TagFrom.imageStreamTag("2.0")),
                                specTag("other", "docker.io/library/ruby:other", 1, ReferencePolicy.SOURCE)),
                        List.of("latest")),
                Arguments.of(
                        "two trackers",
                        List.of(
                                tracking("latest1", TagFrom.imageStreamTag("2.0")),
                                tracking("latest2", TagFrom.imageStreamTag("ruby:2.0")),
                                specTag("other1", "docker.io/library/ruby:other1", 1, ReferencePolicy.SOURCE),
                                tracking("other2", TagFrom.imageStreamTag("3.0"))),
                        List.of("latest1", "latest2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("d6")
    void d6TrackingTagsReceiveTheUpdatedTagsEvent(String row, List<SpecTag> others, List<String> expected) {
        var spec = new java.util.ArrayList<SpecTag>(others);
        spec.add(specTag("2.0", "docker.io/library/ruby:2.0", 1, ReferencePolicy.SOURCE));
        start().seed(seeded(1, spec, List.of()));

        tagger.send(result("req-1", T1, imported("2.0", "docker.io/library/ruby:2.0", D1)));

        TagEvent newEvent = at(T1, "docker.io/library/ruby@" + D1, D1, 2);
        ImageStreamState stream = tagger.stored(KEY);
        assertThat(stream.statusTag("2.0").orElseThrow().items()).containsExactly(newEvent);
        for (SpecTag tag : others) {
            Optional<TagHistory> history = stream.statusTag(tag.name());
            if (expected.contains(tag.name())) {
                assertThat(history.orElseThrow().items()).as(tag.name()).containsExactly(newEvent);
            } else {
                assertThat(history).as(tag.name()).isEmpty();
            }
        }
        assertThat(events())
                .extracting(TagEventRecord::getTag)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(Stream.of("2.0"), expected.stream()).toList());
    }

    @Test
    void d6TrackerWhoseCurrentEventIsIdenticalIsNotChanged() {
        TagEvent newEvent = at(T1, "docker.io/library/ruby@" + D1, D1, 2);
        start().seed(seeded(
                1,
                List.of(
                        tracking("latest", TagFrom.imageStreamTag("2.0")),
                        specTag("2.0", "docker.io/library/ruby:2.0", 1, ReferencePolicy.SOURCE)),
                List.of(history("latest", newEvent), history("2.0", event("docker.io/library/ruby@" + D2, D2, 1)))));

        tagger.send(result("req-1", T1, imported("2.0", "docker.io/library/ruby:2.0", D1)));

        assertThat(tagger.stored(KEY).statusTag("latest").orElseThrow().items()).containsExactly(newEvent);
        assertThat(tagger.tagTable()).containsOnlyKeys(KEY + ":2.0");
        assertThat(events()).extracting(TagEventRecord::getTag).containsExactly("2.0");
    }

    // --- conditions, generations, no change ---

    @Test
    void createsStreamAtGenerationOneAndStampsTagAndEventWithIt() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));

        ImageStream stream = tagger.streams.readValue();
        assertThat(stream.getMetadata().getGeneration()).isEqualTo(1);
        assertThat(stream.getSpec().getTags().getFirst().getGeneration()).isEqualTo(1L);
        assertThat(items(stream, "mytag")).containsExactly(at(T1, REPO + "@" + D1, D1, 1));
        assertThat(stream.getMetadata().getAnnotations())
                .containsEntry(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2026-03-01T10:01:00Z");
    }

    @Test
    void movingATagBumpsStreamTagAndEventGenerationTogether() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.send(result("req-2", T2, imported("mytag", FROM, D2)));

        List<ImageStream> written = tagger.streams.readValuesToList();
        ImageStream moved = written.get(1);
        assertThat(moved.getMetadata().getGeneration()).isEqualTo(2);
        assertThat(moved.getSpec().getTags().getFirst().getGeneration()).isEqualTo(2L);
        assertThat(items(moved, "mytag").getFirst().generation()).isEqualTo(2);
    }

    @Test
    void reimportThatFindsTheSameImageWritesNothing() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.streams.readValuesToList();
        tagger.tagTable();
        events();

        tagger.send(result("req-2", T2, imported("mytag", FROM, D1)));

        assertThat(tagger.nothingWritten()).isTrue();
    }

    @Test
    void identicalFailureDoesNotChurnAndANewMessageReplacesTheCondition() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.send(result("req-2", T2, failed("mytag", FROM, ImportFailureReason.NotFound, "gone")));
        tagger.streams.readValuesToList();
        tagger.tagTable();
        assertThat(events())
                .extracting(TagEventRecord::getKind)
                .containsExactly(TagEventKind.Added, TagEventKind.ImportFailed);

        tagger.send(result("req-3", T3, failed("mytag", FROM, ImportFailureReason.NotFound, "gone")));
        assertThat(tagger.nothingWritten()).isTrue();

        tagger.send(
                result("req-4", T3.plusSeconds(60), failed("mytag", FROM, ImportFailureReason.NotFound, "gone again")));
        TagEventRecord failure = tagger.tagEvents.readValue();
        assertThat(failure.getKind()).isEqualTo(TagEventKind.ImportFailed);
        assertThat(failure.getRequestUid()).isEqualTo("req-4");
        assertThat(failure.getCondition().getMessage()).isEqualTo("gone again");
        assertThat(failure.getCondition().getLastTransitionTime()).isEqualTo(T3.plusSeconds(60));
    }

    @Test
    void successAfterFailureClearsTheConditionAndReportsRecovery() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.send(result("req-2", T2, failed("mytag", FROM, ImportFailureReason.Unauthorized, "denied")));
        tagger.tagTable();
        events();

        tagger.send(result("req-3", T3, imported("mytag", FROM, D1)));

        TagEventRecord recovered = tagger.tagEvents.readValue();
        assertThat(recovered.getKind()).isEqualTo(TagEventKind.Recovered);
        assertThat(recovered.getCondition().getReason()).isEqualTo("Unauthorized");
        assertThat(recovered.getEvent().getImage()).isEqualTo(D1);
        assertThat(tagger.tagTable().get(KEY + ":mytag").getHistory().getConditions())
                .isEmpty();
    }

    @Test
    void failedSpecImageCreatesItsSpecTagWithoutHistory() {
        start().send(result("req-1", T1, failed("mytag", FROM, ImportFailureReason.NotFound, "no such tag")));

        ImageStreamTagView view = tagger.tags.readValue();
        assertThat(view.getSpec().getFrom().getName()).isEqualTo(FROM);
        assertThat(view.getHistory().getItems()).isEmpty();
        assertThat(view.getResolvedPullSpec()).isNull();
    }

    @Test
    void dryRunChangesNothing() {
        start();
        ImageStreamImport persisting = result("req-1", T1, imported("mytag", FROM, D1));
        ImageStreamImport dryRun = ImageStreamImport.newBuilder(persisting)
                .setSpec(ImageStreamImportSpec.newBuilder(persisting.getSpec())
                        .setImport$(false)
                        .build())
                .build();

        tagger.send(dryRun);

        assertThat(tagger.nothingWritten()).isTrue();
        assertThat(tagger.driver.getKeyValueStore(TaggerTopology.STREAMS_STORE).get(KEY))
                .isNull();
    }

    @Test
    void requestThatFailedValidationChangesNothing() {
        start();
        ImageStreamImport invalid = ImageStreamImport.newBuilder(result("req-1", T1, imported("mytag", FROM, D1)))
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setFailure(new Status(StatusOutcome.Failure, ImportFailureReason.Invalid, "invalid", 422))
                        .build())
                .build();

        tagger.send(invalid);

        assertThat(tagger.nothingWritten()).isTrue();
    }

    @Test
    void importWithoutTargetTagCreatesNothingOnAnExistingStream() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.streams.readValuesToList();
        tagger.tagTable();
        events();
        ImageStreamImport byDigest = result("req-2", T2, imported("other", REPO + "@" + D2, D2));
        ImageStreamImport untagged = ImageStreamImport.newBuilder(byDigest)
                .setSpec(ImageStreamImportSpec.newBuilder(byDigest.getSpec())
                        .setImages(List.of(ImageImportSpec.newBuilder(
                                        byDigest.getSpec().getImages().getFirst())
                                .setTo(null)
                                .build()))
                        .build())
                .build();

        tagger.send(untagged);

        assertThat(tagger.nothingWritten()).isTrue();
    }

    @Test
    void repositoryTagsApplyBeforeSpecImagesAndTrackTheirRepositoryTag() {
        start().send(TaggerDriver.repositoryResult("req-1", T1, REPO, "a", D1, "b", D2));

        ImageStream stream = tagger.streams.readValue();
        assertThat(stream.getSpec().getTags())
                .extracting(t -> t.getName() + " from " + t.getFrom().getName())
                .containsExactly("a from " + REPO + ":a", "b from " + REPO + ":b");
        assertThat(items(stream, "b")).containsExactly(at(T1, REPO + "@" + D2, D2, 1));
        assertThat(events()).extracting(TagEventRecord::getTag).containsExactly("a", "b");
    }

    // --- deletion ---

    @Test
    void deletingATagTombstonesItsViewAndReportsDeleted() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1), imported("keep", REPO + ":keep", D2)));
        tagger.streams.readValuesToList();
        tagger.tagTable();
        events();

        tagger.send(TaggerDriver.deletion("req-2", T2, "mytag"));

        ImageStream stream = tagger.streams.readValue();
        assertThat(stream.getSpec().getTags()).extracting(t -> t.getName()).containsExactly("keep");
        Map<String, ImageStreamTagView> views = tagger.tagTable();
        assertThat(views).containsOnlyKeys(KEY + ":mytag");
        assertThat(views.get(KEY + ":mytag")).isNull();
        TagEventRecord deleted = tagger.tagEvents.readValue();
        assertThat(deleted.getKind()).isEqualTo(TagEventKind.Deleted);
        assertThat(deleted.getRequestUid()).isEqualTo("req-2");
        assertThat(deleted.getPrevious().getImage()).isEqualTo(D1);
        assertThat(deleted.getEventTime()).isEqualTo(T2);
    }

    @Test
    void deletingAnUnknownTagOrStreamWritesNothing() {
        start().send(TaggerDriver.deletion("req-0", T1, "mytag"));
        assertThat(tagger.nothingWritten()).isTrue();

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.streams.readValuesToList();
        tagger.tagTable();
        events();
        tagger.send(TaggerDriver.deletion("req-2", T2, "nope"));

        assertThat(tagger.nothingWritten()).isTrue();
    }

    // --- retention and reference policy ---

    @Test
    void retentionKeepsTheNewestEventsOnEveryWrite() {
        var base = TaggerDriver.settings();
        start(new TaggerTopology.Settings(
                base.policyName(),
                RetentionPolicy.keepNewest(2),
                base.scheduledImports(),
                base.jitterSeed(),
                base.punctuationInterval(),
                base.clock()));

        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));
        tagger.send(result("req-2", T2, imported("mytag", FROM, D2)));
        tagger.send(result("req-3", T3, imported("mytag", FROM, D3)));

        assertThat(tagger.stored(KEY).statusTag("mytag").orElseThrow().items())
                .extracting(TagEvent::image)
                .containsExactly(D3, D2);
    }

    @Test
    void localReferencePolicyResolvesThroughTheInternalRegistryOfThePolicy() {
        start().publishPolicy(
                        ImportPolicy.newBuilder()
                                .setName("cluster")
                                .setInternalRegistryHostname("image-registry.svc:5000")
                                .build(),
                        START);

        tagger.send(result(
                "req-1",
                T1,
                imported("local", REPO + ":local", D1, ReferencePolicyType.Local, false),
                imported("source", REPO + ":source", D2, ReferencePolicyType.Source, false)));

        Map<String, ImageStreamTagView> views = tagger.tagTable();
        assertThat(views.get(KEY + ":local").getResolvedPullSpec()).isEqualTo("image-registry.svc:5000/ns/ruby@" + D1);
        assertThat(views.get(KEY + ":source").getResolvedPullSpec()).isEqualTo(REPO + "@" + D2);
        assertThat(tagger.streams.readValue().getStatus().getDockerImageRepository())
                .isEqualTo("image-registry.svc:5000/ns/ruby");
    }

    @Test
    void tagViewCarriesSpecHistoryAndEventTime() {
        start().send(result("req-1", T1, imported("mytag", FROM, D1)));

        var record = tagger.tags.readKeyValue();
        assertThat(record.key).isEqualTo("ns/ruby:mytag");
        assertThat(record.value.getNamespace()).isEqualTo("ns");
        assertThat(record.value.getStream()).isEqualTo("ruby");
        assertThat(record.value.getSpec().getFrom().getName()).isEqualTo(FROM);
        assertThat(record.value.getHistory().getItems()).hasSize(1);
        assertThat(record.value.getUpdatedAt()).isEqualTo(T1);
        assertThat(record.value.getSchedule()).isNull();
    }

    // --- dead letters ---

    @Test
    void undecodableResultGoesToTheDeadLetterTopicAndLaterResultsStillApply() {
        start().sendRaw(tagger.topics.importResults(), KEY, "not avro".getBytes(StandardCharsets.UTF_8));
        tagger.send(result("req-1", T1, imported("mytag", FROM, D1)));

        DeadLetter letter = tagger.deadLetters.readValue();
        assertThat(letter.getSourceTopic())
                .isEqualTo(tagger.topics.importResults().name());
        assertThat(letter.getApplication()).isEqualTo("tagger");
        assertThat(letter.getValue().array()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
        assertThat(tagger.streams.readValue().getMetadata().getName()).isEqualTo("ruby");
    }
}
