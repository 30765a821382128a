package dev.imagepipe.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.Credential;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.remote.RawManifest;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The parts of fetching that need no registry: policy rejections, manifest verification, request hygiene. */
class ImageFetcherTest {

    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final byte[] BODY = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST
                    + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                    + "c".repeat(64) + "\",\"size\":2},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    private final RegistryClient client = new RegistryClient();
    private final ImageFetcher fetcher =
            new ImageFetcher(client, PlatformChooser.withoutDefault(), RequestOptions.defaults());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRegistryOutsideTheAllowListFailsNotAllowedWithoutTryingAnySource() {
        RegistryPolicy policy = TestPolicies.allowingOnly("quay.io");

        FetchResult result =
                fetcher.fetch(FetchRequest.of(ImageReference.parse("registry.example/team/app:1"), policy));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NOT_ALLOWED);
            assertThat(failed.message())
                    .startsWith("importing images from registry \"registry.example:443\" is forbidden: ");
            assertThat(failed.observations()).isEmpty();
        });
    }

    @Test
    void aBlockedRegistryFailsBlockedWithoutTryingAnySource() {
        RegistryPolicy policy = TestPolicies.blocking("registry.example");

        FetchResult result =
                fetcher.fetch(FetchRequest.of(ImageReference.parse("registry.example/team/app:1"), policy));

        assertThat(result)
                .isEqualTo(new FetchResult.Failed(
                        FailureReason.BLOCKED, "forbidden: registry registry.example blocked", List.of()));
    }

    @Test
    void verifiesAgainstTheExpectedDigest() {
        Digest digest = Digest.sha256(BODY);

        Digest verified = ImageFetcher.verify(raw(), Optional.of(digest.toString()));

        assertThat(verified).isEqualTo(digest);
    }

    @Test
    void namesTheManifestByItsSha256WhenNoDigestIsExpected() {
        assertThat(ImageFetcher.verify(raw(), Optional.empty())).isEqualTo(Digest.sha256(BODY));
    }

    @Test
    void aManifestThatDoesNotHashToTheExpectedDigestIsAnIntegrityMismatch() {
        String other = "sha256:" + "d".repeat(64);

        assertThatThrownBy(() -> ImageFetcher.verify(raw(), Optional.of(other)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INTEGRITY_MISMATCH);
                    assertThat(e.getMessage()).startsWith("content integrity error: ");
                });
    }

    @Test
    void aMalformedDockerContentDigestIsAnIntegrityMismatch() {
        assertThatThrownBy(() -> ImageFetcher.verify(raw(), Optional.of("sha256:nothex")))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INTEGRITY_MISMATCH));
    }

    @Test
    void requestsNeverPrintTheirCredentials() {
        FetchRequest request = FetchRequest.of(ImageReference.parse("quay.io/team/app:1"), RegistryPolicy.allowAll())
                .withCredentials(List.of(Credential.basic("user", "s3cret")));

        assertThat(request.toString()).doesNotContain("s3cret").contains("1 credential(s)");
    }

    private static RawManifest raw() {
        return new RawManifest(BODY, OCI_MANIFEST, Optional.empty());
    }
}
