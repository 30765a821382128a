package dev.imagepipe.importer.app;

import static dev.imagepipe.importer.app.ImporterHarness.flags;
import static dev.imagepipe.importer.app.ImporterHarness.request;
import static dev.imagepipe.importer.app.ImporterHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.testing.Prerequisites;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import dev.imagepipe.testing.registry.AccessLog;
import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HEAD first, counted where it counts: at the registry. Re-importing tags whose digests have not moved costs one HEAD
 * each and no GET. The registry is Debian's binary run by the test, because its access log is the count.
 */
@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ImporterRequestCountIT {

    private static final int TAGS = 100;
    private static final String REPOSITORY = "count/app";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static LocalRegistryProcess registry;
    private static ImporterHarness harness;
    private static List<PushedImage> pushed;

    @BeforeAll
    static void start(KafkaEnvironment kafka) throws Exception {
        if (!Files.isExecutable(LocalRegistryConfig.DEBIAN_BINARY)) {
            throw Prerequisites.missing("the docker-registry binary", "apt-get install docker-registry");
        }
        registry = LocalRegistryProcess.start(LocalRegistryConfig.DEBIAN_BINARY);
        pushed = new ImageFixtures(registry.endpoint()).pushManyTags(REPOSITORY, TAGS);
        harness = new ImporterHarness(kafka);
        harness.publish(ImportPolicy.newBuilder()
                .setName("cluster")
                .setRegistrySources(RegistrySources.newBuilder()
                        .setInsecureRegistries(List.of(registry.endpoint().hostPort()))
                        .build())
                .build());
        harness.start(flags(kafka, Files.createTempDirectory("importer-count-it"), "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void reimportingUnchangedTagsCostsOneHeadEachAndNoGet() {
        assertAllImported(importAll("first"));
        AccessLog log = new AccessLog(registry);
        String prefix = "/v2/" + REPOSITORY + "/";
        long headsBefore = log.count("HEAD", prefix + "manifests/");
        long getsBefore = log.count("GET", prefix);
        assertThat(getsBefore)
                .as("the first import fetched manifests and configs")
                .isGreaterThanOrEqualTo(2L * TAGS);

        ImageStreamImport second = importAll("second");

        assertAllImported(second);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> log.count("HEAD", prefix + "manifests/") - headsBefore >= TAGS);
        assertThat(log.count("HEAD", prefix + "manifests/") - headsBefore).isEqualTo(TAGS);
        assertThat(log.count("GET", prefix) - getsBefore).isZero();
        assertThat(second.getStatus().getImages())
                .extracting(status -> status.getImage().getMetadata().getName())
                .containsExactlyElementsOf(
                        pushed.stream().map(PushedImage::digest).toList());
    }

    private static ImageStreamImport importAll(String stream) {
        List<ImageImportSpec> specs = pushed.stream()
                .map(image -> ImageImportSpec.newBuilder(
                                spec(registry.endpoint().hostPort() + "/" + REPOSITORY + ":" + image.tag()))
                        .setTo(new LocalObjectReference(image.tag()))
                        .build())
                .toList();
        return harness.awaitResult(harness.submit(request("count", stream, true, specs)), WAIT);
    }

    private static void assertAllImported(ImageStreamImport result) {
        assertThat(result.getStatus().getImages()).hasSize(TAGS).allSatisfy(status -> assertThat(
                        status.getStatus().getStatus())
                .as("%s", status.getStatus())
                .isEqualTo(StatusOutcome.Success));
    }
}
