package dev.imagepipe.importer.app;

import static dev.imagepipe.importer.app.ImporterHarness.flags;
import static dev.imagepipe.importer.app.ImporterHarness.request;
import static dev.imagepipe.importer.app.ImporterHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.RepositoryDigestMirrors;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import dev.imagepipe.testing.Prerequisites;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageManifest;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.fixture.PushedIndex;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The importer end to end: a real broker, the schema registry, and real distribution registries on loopback. */
@KafkaCluster
@ContainerRegistry
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ImporterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BULK_LIMIT = 3;
    private static final String BLOCKED = "blocked.example.com";

    private static ImporterHarness harness;
    private static LocalRegistryProcess mirror;
    private static String source;
    private static PushedImage single;
    private static PushedIndex index;
    private static List<PushedImage> manyTags;
    private static PushedImage mirrored;

    @BeforeAll
    static void start(KafkaEnvironment kafka, RegistryEndpoint registry) throws Exception {
        if (!Files.isExecutable(LocalRegistryConfig.DEBIAN_BINARY)) {
            throw Prerequisites.missing("the docker-registry binary (the mirror)", "apt-get install docker-registry");
        }
        mirror = LocalRegistryProcess.start(LocalRegistryConfig.DEBIAN_BINARY);
        source = registry.hostPort();
        ImageFixtures fixtures = new ImageFixtures(registry);
        single = fixtures.pushOciImage("it/single", "v1");
        index = fixtures.pushOciIndex("it/multi", "index");
        manyTags = fixtures.pushManyTags("it/many", 5);
        // The mirror alone holds this image; the source repository never saw it.
        mirrored = new ImageFixtures(mirror.endpoint()).pushDockerImage("it/mirrored", "only-on-mirror");

        harness = new ImporterHarness(kafka);
        harness.publish(ImportPolicy.newBuilder()
                .setName("cluster")
                .setRegistrySources(RegistrySources.newBuilder()
                        .setInsecureRegistries(List.of(source, mirror.endpoint().hostPort()))
                        .setBlockedRegistries(List.of(BLOCKED))
                        .build())
                .setRepositoryDigestMirrors(List.of(RepositoryDigestMirrors.newBuilder()
                        .setSource(source + "/it/mirrored")
                        .setMirrors(List.of(mirror.endpoint().hostPort() + "/it/mirrored"))
                        .build()))
                .setMaxImagesBulkImportedPerRepository(BULK_LIMIT)
                .build());
        Path state = Files.createTempDirectory("importer-it");
        harness.start(flags(kafka, state, "127.0.0.1,localhost"));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void importsOneImageIntoStatusImagesAndObservations() {
        String from = source + "/it/single:v1";
        ImageStreamImport result =
                harness.awaitResult(harness.submit(request("team", "single", true, List.of(spec(from)))), WAIT);

        ImageImportStatus status = result.getStatus().getImages().get(0);
        assertThat(status.getStatus().getStatus()).as("%s", status.getStatus()).isEqualTo(StatusOutcome.Success);
        assertThat(status.getImage().getMetadata().getName()).isEqualTo(single.digest());
        assertThat(status.getImage().getDockerImageReference()).isEqualTo(source + "/it/single@" + single.digest());
        assertThat(result.getSpec().getImages().get(0).getTo().getName()).isEqualTo("v1");
        assertThat(imageDigests()).contains(single.digest());
        assertThat(observations(source + "/it/single")).anySatisfy(observation -> {
            assertThat(observation.getResolvedDigest()).isEqualTo(single.digest());
            assertThat(observation.getTag()).isEqualTo("v1");
            assertThat(observation.getViaMirror()).isFalse();
        });
    }

    @Test
    void legacyImportOfAnIndexImportsTheDefaultPlatformAndRecordsTheRule() {
        String from = source + "/it/multi:index";
        ImageStreamImport result =
                harness.awaitResult(harness.submit(request("team", "legacy", true, List.of(spec(from)))), WAIT);

        ImageImportStatus status = result.getStatus().getImages().get(0);
        ImageManifest amd64 = index.children()
                .get(index.platforms()
                        .indexOf(index.platforms().stream()
                                .filter(p -> p.architecture().equals("amd64"))
                                .findFirst()
                                .orElseThrow()));
        assertThat(status.getImage().getMetadata().getName()).isEqualTo(amd64.digest());
        assertThat(status.getPlatformSelection().getArchitecture()).isEqualTo("amd64");
        assertThat(status.getPlatformSelection().getRule()).isEqualTo("DefaultPlatform");
        assertThat(status.getManifests()).isEmpty();
        assertThat(imageDigests()).contains(amd64.digest());
    }

    @Test
    void preserveOriginalImportKeepsTheIndexAndImportsEveryChild() {
        ImageImportSpec preserve = ImageImportSpec.newBuilder(spec(source + "/it/multi:index"))
                .setImportPolicy(TagImportPolicy.newBuilder()
                        .setImportMode(ImportMode.PreserveOriginal)
                        .build())
                .build();
        ImageStreamImport result =
                harness.awaitResult(harness.submit(request("team", "preserve", true, List.of(preserve))), WAIT);

        ImageImportStatus status = result.getStatus().getImages().get(0);
        assertThat(status.getImage().getMetadata().getName()).isEqualTo(index.digest());
        List<String> children =
                index.children().stream().map(ImageManifest::digest).toList();
        assertThat(status.getManifests())
                .extracting(image -> image.getMetadata().getName())
                .containsExactlyElementsOf(children);
        assertThat(imageDigests()).contains(index.digest()).containsAll(children);
    }

    @Test
    void repositoryImportCapsTheTagsAndReportsTheRestAsAdditionalTags() {
        ImageStreamImport result = harness.awaitResult(
                harness.submit(ImporterHarness.repositoryRequest("team", "many", source + "/it/many")), WAIT);

        var repository = result.getStatus().getRepository();
        assertThat(repository.getStatus().getStatus()).isEqualTo(StatusOutcome.Success);
        assertThat(repository.getImages()).hasSize(BULK_LIMIT);
        assertThat(repository.getAdditionalTags()).hasSize(manyTags.size() - BULK_LIMIT);
        Set<String> all = manyTags.stream().map(PushedImage::tag).collect(Collectors.toSet());
        assertThat(repository.getImages()).allSatisfy(image -> assertThat(all).contains(image.getTag()));
        assertThat(repository.getAdditionalTags())
                .allSatisfy(tag -> assertThat(all).contains(tag));
    }

    @Test
    void oneRequestMixesSuccessesAndFailuresEachInItsOwnSlot() {
        List<ImageImportSpec> specs = List.of(
                spec(source + "/it/single:v1"), spec(source + "/it/single:missing"), spec(BLOCKED + "/team/app:1"));
        ImageStreamImport result = harness.awaitResult(harness.submit(request("team", "mixed", true, specs)), WAIT);

        List<ImageImportStatus> statuses = result.getStatus().getImages();
        assertThat(statuses)
                .extracting(status -> status.getStatus().getStatus())
                .containsExactly(StatusOutcome.Success, StatusOutcome.Failure, StatusOutcome.Failure);
        assertThat(statuses.get(1).getStatus().getReason()).isEqualTo(ImportFailureReason.NotFound);
        assertThat(statuses.get(1).getTag()).isEqualTo("missing");
        assertThat(statuses.get(2).getStatus().getReason()).isEqualTo(ImportFailureReason.Blocked);
        assertThat(statuses.get(2).getStatus().getMessage()).contains(BLOCKED);
    }

    @Test
    void digestServedByAMirrorIsRecordedAsSuchInObservations() {
        String from = source + "/it/mirrored@" + mirrored.digest();
        ImageStreamImport result =
                harness.awaitResult(harness.submit(request("team", "mirrored", true, List.of(spec(from)))), WAIT);

        ImageImportStatus status = result.getStatus().getImages().get(0);
        assertThat(status.getStatus().getStatus()).as("%s", status.getStatus()).isEqualTo(StatusOutcome.Success);
        assertThat(status.getImage().getDockerImageReference())
                .as("named after the source, not the mirror")
                .isEqualTo(from);
        assertThat(observations(source + "/it/mirrored")).anySatisfy(observation -> {
            assertThat(observation.getViaMirror()).isTrue();
            assertThat(observation.getPullSource()).startsWith(mirror.endpoint().hostPort() + "/it/mirrored");
            assertThat(observation.getResolvedDigest()).isEqualTo(mirrored.digest());
        });
    }

    @Test
    void garbageOnTheRequestTopicGoesToTheDeadLetterTopicAndLaterRequestsStillSucceed() {
        harness.submitRaw("team/garbage", "definitely not avro".getBytes(StandardCharsets.UTF_8));
        String from = source + "/it/single:v1";
        ImageStreamImport result =
                harness.awaitResult(harness.submit(request("team", "garbage", true, List.of(spec(from)))), WAIT);

        assertThat(result.getStatus().getImages().get(0).getStatus().getStatus())
                .isEqualTo(StatusOutcome.Success);
        List<ConsumerRecord<String, DeadLetter>> letters =
                harness.awaitRecords(harness.topics().deadLetters(), WAIT, records -> !records.isEmpty());
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getSourceTopic())
                .isEqualTo(harness.topics().importRequests().name());
        assertThat(letter.getApplication()).isEqualTo("importer");
        assertThat(letters.get(0).key()).isEqualTo("team/garbage");
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("definitely not avro");
    }

    private static Set<String> imageDigests() {
        return harness.readAll(harness.topics().images()).stream()
                .map(ConsumerRecord::value)
                .map(Image::getMetadata)
                .map(meta -> meta.getName())
                .collect(Collectors.toSet());
    }

    private static List<RegistryObservation> observations(String repository) {
        return harness.readAll(harness.topics().observations()).stream()
                .filter(record -> record.key().equals(repository))
                .map(ConsumerRecord::value)
                .toList();
    }
}
