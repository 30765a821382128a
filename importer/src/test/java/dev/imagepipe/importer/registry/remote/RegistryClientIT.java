package dev.imagepipe.importer.registry.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.fixture.PushedIndex;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@ContainerRegistry
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryClientIT {

    private static final String REPO = "transport/client-it";

    private static RegistryClient client;
    private static RequestOptions options;
    private static String registry;
    private static PushedImage oci;
    private static PushedImage docker;
    private static PushedIndex ociIndex;
    private static PushedIndex dockerList;

    @BeforeAll
    static void push(RegistryEndpoint endpoint) {
        var fixtures = new ImageFixtures(endpoint);
        oci = fixtures.pushOciImage(REPO, "oci");
        docker = fixtures.pushDockerImage(REPO, "docker");
        ociIndex = fixtures.pushOciIndex(REPO, "oci-index");
        dockerList = fixtures.pushDockerManifestList(REPO, "docker-list");
        registry = endpoint.hostPort();
        // The test registry is on loopback: only a policy naming it lets the client through.
        options = RequestOptions.defaults().withInsecure(true).withAllowedPrivateHosts(Set.of(endpoint.host()));
        client = new RegistryClient();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void pingsAV2Registry() {
        Ping.Result result = client.ping(registry, options);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.apiVersion()).isEqualTo("registry/2.0");
        assertThat(result.requiresAuthentication()).isFalse();
    }

    @Test
    void headReturnsThePushedDigestMediaTypeAndSize() {
        ManifestDescriptor head = client.head(registry, REPO, "oci", options);

        assertThat(head.digest()).contains(oci.digest());
        assertThat(head.mediaType()).isEqualTo(oci.mediaType());
        assertThat(head.size()).isEqualTo(oci.size());
    }

    @Test
    void getReturnsTheExactPushedBytesForEveryManifestKind() {
        assertExact("oci", oci.image().manifest().bytes(), oci.mediaType(), oci.digest());
        assertExact("docker", docker.image().manifest().bytes(), docker.mediaType(), docker.digest());
        assertExact("oci-index", ociIndex.index().manifest().bytes(), ociIndex.mediaType(), ociIndex.digest());
        assertExact("docker-list", dockerList.index().manifest().bytes(), dockerList.mediaType(), dockerList.digest());
    }

    @Test
    void getsAManifestByDigest() {
        RawManifest manifest = client.getManifest(registry, REPO, docker.digest(), options);

        assertThat(manifest.bytes()).isEqualTo(docker.image().manifest().bytes());
    }

    private void assertExact(String tag, byte[] bytes, String mediaType, String digest) {
        RawManifest manifest = client.getManifest(registry, REPO, tag, options);

        assertThat(manifest.bytes()).as(tag).isEqualTo(bytes);
        assertThat(manifest.mediaType()).as(tag).isEqualTo(mediaType);
        assertThat(manifest.dockerContentDigest()).as(tag).contains(digest);
    }

    @Test
    void getsTheConfigBlobVerifiedAgainstItsDigest() {
        byte[] config = client.getBlob(registry, REPO, oci.image().config().digest(), options);

        assertThat(config).isEqualTo(oci.image().config().bytes());
    }

    @Test
    void listsFortyTags(RegistryEndpoint endpoint) {
        var pushed = new ImageFixtures(endpoint).pushManyTags("transport/many-tags", 40);

        TagList tags = client.listTags(registry, "transport/many-tags", options);

        assertThat(tags.truncated()).isFalse();
        assertThat(tags.tags())
                .containsExactlyInAnyOrderElementsOf(
                        pushed.stream().map(PushedImage::tag).toList());
    }

    @Test
    void unknownTagIsNotFoundWithManifestUnknown() {
        assertThatThrownBy(() -> client.getManifest(registry, REPO, "no-such-tag", options))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCodes()).contains("MANIFEST_UNKNOWN");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void unknownRepositoryTagListIsNotFound() {
        assertThatThrownBy(() -> client.listTags(registry, "transport/never-pushed", options))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
                    assertThat(e.errorCodes()).contains("NAME_UNKNOWN");
                });
    }

    @Test
    void loopbackRegistryIsBlockedUnlessThePolicyNamesIt() {
        RequestOptions withoutAllowance = RequestOptions.defaults().withInsecure(true);

        assertThatThrownBy(() -> client.head(registry, REPO, "oci", withoutAllowance))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.BLOCKED);
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("loopback");
    }
}
