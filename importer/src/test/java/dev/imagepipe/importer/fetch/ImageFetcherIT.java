package dev.imagepipe.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.testing.fixture.Blob;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageManifest;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.fixture.PushedIndex;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@ContainerRegistry
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImageFetcherIT {

    private static final String REPO = "fetch/fetcher-it";
    private static final Instant EVENT_TIME = Instant.parse("2026-01-02T03:04:05Z");

    private static RegistryClient client;
    private static ImageFetcher fetcher;
    private static RegistryEndpoint registry;
    private static RegistryPolicy policy;
    private static PushedImage oci;
    private static PushedImage docker;
    private static PushedIndex ociIndex;

    @BeforeAll
    static void push(RegistryEndpoint endpoint) {
        var fixtures = new ImageFixtures(endpoint);
        oci = fixtures.pushOciImage(REPO, "oci");
        docker = fixtures.pushDockerImage(REPO, "docker");
        ociIndex = fixtures.pushOciIndex(REPO, "oci-index");
        registry = endpoint;
        policy = TestPolicies.naming(endpoint.hostPort());
        client = new RegistryClient();
        fetcher = new ImageFetcher(client, PlatformChooser.withoutDefault(), RequestOptions.defaults());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void importsAnOciImageWithLayersAndConfigMetadata() {
        FetchResult.Imported imported = imported(request(REPO + ":oci"));

        assertSingleImage(imported.image(), oci, REPO + "@" + oci.digest());
        assertThat(imported.children()).isEmpty();
        assertThat(imported.selection()).isEmpty();
        assertThat(imported.usedSource().mirror()).isFalse();
        assertThat(imported.observations())
                .containsExactly(
                        new Observation(registry.reference(REPO, "oci"), false, new Observation.Served(oci.digest())));
    }

    @Test
    void importsADockerSchema2Image() {
        FetchResult.Imported imported = imported(request(REPO + ":docker"));

        assertSingleImage(imported.image(), docker, REPO + "@" + docker.digest());
        assertThat(imported.image().manifestMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void importsByDigest() {
        FetchResult.Imported imported = imported(request(REPO + "@" + docker.digest()));

        assertSingleImage(imported.image(), docker, REPO + "@" + docker.digest());
    }

    @Test
    void keepsTheRawManifestOnlyWhenAsked() {
        FetchResult.Imported stripped = imported(request(REPO + ":oci"));
        FetchResult.Imported kept = imported(request(REPO + ":oci").withIncludeManifest(true));

        assertThat(stripped.image().manifest()).isEmpty();
        assertThat(kept.image().manifest()).isPresent();
        assertThat(kept.image().config()).isPresent();
    }

    @Test
    void legacyImportOfAnIndexChoosesLinuxAmd64AndRecordsTheRule() {
        FetchResult.Imported imported = imported(request(REPO + ":oci-index"));

        ImageManifest amd64 = ociIndex.children().get(0);
        assertThat(amd64.platform().architecture()).isEqualTo("amd64");
        assertThat(imported.image().name()).isEqualTo(amd64.digest());
        assertThat(imported.image().dockerImageReference())
                .isEqualTo(registry.hostPort() + "/" + REPO + "@" + amd64.digest());
        assertThat(imported.image().metadata().architecture()).isEqualTo("amd64");
        assertThat(imported.selection())
                .contains(new PlatformSelection("amd64", "linux", null, PlatformChooser.Rule.LINUX_AMD64));
        assertThat(imported.children()).isEmpty();
        // the source resolved the tag to the list; the Image is its child
        assertThat(imported.observations().get(0).outcome()).isEqualTo(new Observation.Served(ociIndex.digest()));
    }

    @Test
    void legacyImportHonoursThePreferredArchitecture() {
        FetchResult.Imported imported =
                imported(request(REPO + ":oci-index").withPreferredPlatform(Optional.of("ppc64le"), Optional.empty()));

        assertThat(imported.image().name()).isEqualTo(ociIndex.children().get(2).digest());
        assertThat(imported.selection().orElseThrow().rule()).isEqualTo(PlatformChooser.Rule.PREFERRED);
    }

    @Test
    void preserveOriginalImportsTheListAndEveryChildByDigest() {
        FetchResult.Imported imported = imported(request(REPO + "@" + ociIndex.digest())
                .withMode(ImportMode.PRESERVE_ORIGINAL)
                .withEventTime(EVENT_TIME));

        ImportedImage list = imported.image();
        assertThat(list.isList()).isTrue();
        assertThat(list.name()).isEqualTo(ociIndex.digest());
        assertThat(list.dockerImageReference()).isEqualTo(registry.hostPort() + "/" + REPO + "@" + ociIndex.digest());
        assertThat(list.metadata().created()).isEqualTo(EVENT_TIME);
        assertThat(list.manifests()).hasSize(3);
        assertThat(imported.selection()).isEmpty();
        assertThat(imported.children()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ImageManifest expected = ociIndex.children().get(i);
            ImportedImage child = imported.children().get(i);
            assertSingleImage(child, expected, REPO + "@" + expected.digest());
        }
    }

    @Test
    void aMissingTagIsNotFound() {
        FetchResult result = fetcher.fetch(request(REPO + ":no-such-tag"));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NOT_FOUND);
            assertThat(failed.observations()).hasSize(1);
            assertThat(failed.observations().get(0).outcome())
                    .isEqualTo(new Observation.Failure(FailureReason.NOT_FOUND, failed.message()));
        });
    }

    @Test
    void aRegistryOutsideTheAllowListIsNotAllowedBeforeAnyRequest() {
        FetchResult result = fetcher.fetch(FetchRequest.of(
                        ImageReference.parse(registry.reference(REPO, "oci")), TestPolicies.allowingOnly("quay.io"))
                .withInsecure(true));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NOT_ALLOWED);
            assertThat(failed.message())
                    .isEqualTo(
                            "importing images from registry \"%1$s\" is forbidden: registry \"%1$s\" not allowed by whitelist: \"quay.io:443\""
                                    .formatted(registry.hostPort()));
            assertThat(failed.observations()).isEmpty();
        });
    }

    @Test
    void aBlockedRegistryIsBlockedBeforeAnyRequest() {
        FetchResult result = fetcher.fetch(FetchRequest.of(
                        ImageReference.parse(registry.reference(REPO, "oci")),
                        TestPolicies.blocking(registry.hostPort()))
                .withInsecure(true));

        assertThat(result)
                .isEqualTo(new FetchResult.Failed(
                        FailureReason.BLOCKED, "forbidden: registry " + registry.hostPort() + " blocked", List.of()));
    }

    private static FetchRequest request(String repositoryAndTagOrDigest) {
        return FetchRequest.of(ImageReference.parse(registry.hostPort() + "/" + repositoryAndTagOrDigest), policy)
                .withInsecure(true);
    }

    private static FetchResult.Imported imported(FetchRequest request) {
        FetchResult result = fetcher.fetch(request);
        assertThat(result).isInstanceOf(FetchResult.Imported.class);
        return (FetchResult.Imported) result;
    }

    private static void assertSingleImage(ImportedImage image, PushedImage pushed, String repositoryAtDigest) {
        assertSingleImage(image, pushed.image(), repositoryAtDigest);
    }

    private static void assertSingleImage(ImportedImage image, ImageManifest pushed, String repositoryAtDigest) {
        assertThat(image.name()).isEqualTo(pushed.digest());
        assertThat(image.dockerImageReference()).isEqualTo(registry.hostPort() + "/" + repositoryAtDigest);
        assertThat(image.manifestMediaType()).isEqualTo(pushed.mediaType());
        assertThat(image.layers())
                .extracting(layer -> layer.name())
                .containsExactlyElementsOf(
                        pushed.layers().stream().map(Blob::digest).toList());
        assertThat(image.metadata().id()).isEqualTo(pushed.config().digest());
        assertThat(image.metadata().architecture()).isEqualTo(pushed.platform().architecture());
        assertThat(image.metadata().os()).isEqualTo(pushed.platform().os());
        assertThat(image.metadata().config().labels())
                .containsEntry(ImageFixtures.PLATFORM_LABEL, pushed.platform().toString())
                .containsEntry("org.opencontainers.image.title", "imagepipe-fixture");
        assertThat(image.metadata().config().workingDir()).isEqualTo("/srv");
    }
}
