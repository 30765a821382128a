package dev.imagepipe.importer.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageIndex;
import dev.imagepipe.testing.fixture.ImageManifest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    @Test
    void parsesTheOciImageFixtureAsOciManifestWithConfigAndLayer() {
        ImageManifest fixture = ImageFixtures.ociImage();

        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThat(manifest).isInstanceOf(OciManifest.class);
        OciManifest oci = (OciManifest) manifest;
        assertThat(oci.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(oci.config().digest().toString()).isEqualTo(fixture.config().digest());
        assertThat(oci.config().size()).isEqualTo(fixture.config().size());
        assertThat(oci.config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(oci.layers()).hasSize(1);
        assertThat(oci.layers().get(0).digest().toString())
                .isEqualTo(fixture.layers().get(0).digest());
        assertThat(oci.layers().get(0).size()).isEqualTo(fixture.layers().get(0).size());
        assertThat(oci.digest().toString()).isEqualTo(fixture.digest());
    }

    @Test
    void parsesTheDockerImageFixtureAsSchema2Manifest() {
        ImageManifest fixture = ImageFixtures.dockerImage();

        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThat(manifest).asInstanceOf(type(DockerManifest.class)).satisfies(docker -> {
            assertThat(docker.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
            assertThat(docker.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
            assertThat(docker.layers()).hasSize(1);
        });
        assertThat(manifest.digest().toString()).isEqualTo(fixture.digest());
    }

    @Test
    void parsesTheOciIndexFixtureWithEveryPlatformInIndexOrder() {
        ImageIndex fixture = ImageFixtures.ociIndex();

        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThat(manifest).isInstanceOf(OciIndex.class);
        OciIndex index = (OciIndex) manifest;
        assertThat(index.manifests())
                .extracting(entry -> entry.digest().toString())
                .containsExactlyElementsOf(
                        fixture.children().stream().map(ImageManifest::digest).toList());
        assertThat(index.manifests())
                .extracting(Descriptor::platform)
                .containsExactly(
                        new ManifestPlatform("linux", "amd64", null),
                        new ManifestPlatform("linux", "arm64", "v8"),
                        new ManifestPlatform("linux", "ppc64le", null));
        assertThat(index.digest().toString()).isEqualTo(fixture.digest());
    }

    @Test
    void parsesTheDockerManifestListFixture() {
        ImageIndex fixture = ImageFixtures.dockerManifestList();

        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThat(manifest).isInstanceOf(DockerManifestList.class);
        assertThat(((ManifestList) manifest).manifests()).hasSize(3).allSatisfy(entry -> assertThat(entry.mediaType())
                .isEqualTo(MediaTypes.DOCKER_MANIFEST));
    }

    @Test
    void ignoresMediaTypeParametersAndCase() {
        ImageManifest fixture = ImageFixtures.ociImage();

        Manifest manifest = Manifests.parse(
                "Application/vnd.oci.image.manifest.v1+json; charset=utf-8",
                fixture.manifest().bytes());

        assertThat(manifest).isInstanceOf(OciManifest.class);
    }

    @Test
    void fallsBackToTheBodysMediaTypeWhenTheNegotiatedTypeIsNotAManifestType() {
        ImageIndex fixture = ImageFixtures.dockerManifestList();

        Manifest manifest =
                Manifests.parse("application/json", fixture.manifest().bytes());

        assertThat(manifest).isInstanceOf(DockerManifestList.class);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    }

    @Test
    void ociManifestWithoutMediaTypeFieldKeepsTheNegotiatedType() {
        byte[] body = ociManifestWithoutMediaType();

        Manifest manifest = Manifests.parse(MediaTypes.OCI_MANIFEST, body);

        assertThat(manifest).isInstanceOf(OciManifest.class);
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void ociManifestWithoutAnyMediaTypeIsRecognisedByItsShape() {
        assertThat(Manifests.parse(null, ociManifestWithoutMediaType())).isInstanceOf(OciManifest.class);
    }

    @Test
    void parsesSignedSchema1ByNegotiatedTypeAndStripsSignaturesForItsPayload() {
        byte[] payload = Schema1Fixture.d12Payload();
        byte[] signed = Schema1Fixture.sign(payload);

        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1_SIGNED, signed);

        assertThat(manifest).isInstanceOf(DockerSchema1Manifest.class);
        DockerSchema1Manifest schema1 = (DockerSchema1Manifest) manifest;
        assertThat(schema1.signed()).isTrue();
        assertThat(schema1.signatureCount()).isEqualTo(1);
        assertThat(schema1.digestedBytes()).isEqualTo(payload);
        assertThat(schema1.raw()).isEqualTo(signed);
        assertThat(schema1.name()).isEqualTo("library/busybox");
        assertThat(schema1.fsLayers())
                .extracting(Digest::toString)
                .containsExactlyElementsOf(Schema1Fixture.D12_LAYERS);
        assertThat(schema1.v1Compatibility()).hasSize(5);
    }

    @Test
    void parsesUnsignedSchema1AndSniffsSchemaVersion1WithoutAType() {
        byte[] payload = Schema1Fixture.d12Payload();

        DockerSchema1Manifest unsigned = (DockerSchema1Manifest) Manifests.parse(MediaTypes.DOCKER_SCHEMA1, payload);
        Manifest sniffed = Manifests.parse("application/json", Schema1Fixture.sign(payload));

        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.digestedBytes()).isEqualTo(payload);
        assertThat(sniffed.mediaType()).isEqualTo(MediaTypes.DOCKER_SCHEMA1_SIGNED);
    }

    @Test
    void signedSchema1DigestIsTheDigestOfTheCanonicalPayloadNotOfTheBytesReceived() {
        byte[] payload = Schema1Fixture.d12Payload();
        byte[] signed = Schema1Fixture.sign(payload);

        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1_SIGNED, signed);

        assertThat(manifest.digest()).isEqualTo(Digest.sha256(payload)).isNotEqualTo(Digest.sha256(signed));
        assertThat(Manifests.verify(manifest, Digest.sha256(payload))).isEqualTo(Digest.sha256(payload));
        assertThat(Manifests.verify(MediaTypes.DOCKER_SCHEMA1_SIGNED, signed, Digest.sha256(payload)))
                .isEqualTo(Digest.sha256(payload));
    }

    @Test
    void signedSchema1WithoutProtectedHeaderIsMalformed() {
        String broken = new String(Schema1Fixture.sign(Schema1Fixture.d12Payload()), StandardCharsets.UTF_8)
                .replace("\"protected\"", "\"unprotected\"");

        assertThatThrownBy(() ->
                        Manifests.parse(MediaTypes.DOCKER_SCHEMA1_SIGNED, broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("signature without protected header");
    }

    @Test
    void verifyPassesAndReturnsTheDigestWhenTheBytesMatch() {
        ImageManifest fixture = ImageFixtures.ociImage();
        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThat(Manifests.verify(manifest, Digest.parse(fixture.digest())).toString())
                .isEqualTo(fixture.digest());
        assertThat(Manifests.verify(fixture.mediaType(), fixture.manifest().bytes(), Digest.parse(fixture.digest()))
                        .toString())
                .isEqualTo(fixture.digest());
    }

    @Test
    void verifyFailsWithTheIntegrityMessageWhenTheDigestDiffers() {
        ImageManifest fixture = ImageFixtures.dockerImage();
        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());
        Digest requested = Digest.parse("sha256:" + "0".repeat(64));

        assertThatThrownBy(() -> Manifests.verify(manifest, requested))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INTEGRITY_MISMATCH))
                .hasMessage("content integrity error: the manifest retrieved (media type: "
                        + MediaTypes.DOCKER_MANIFEST + ") with digest sha256:" + "0".repeat(64)
                        + " does not match the digest calculated from the content " + fixture.digest());
    }

    @Test
    void verifyComputesWithTheRequestedAlgorithm() {
        ImageManifest fixture = ImageFixtures.ociImage();
        Digest sha512 = Digest.of(Digest.SHA512, fixture.manifest().bytes());

        assertThat(Manifests.verify(fixture.mediaType(), fixture.manifest().bytes(), sha512))
                .isEqualTo(sha512);
    }

    @Test
    void rejectsAnUnsupportedMediaTypeWithTheImportMessage() {
        String helm = "application/vnd.cncf.helm.config.v1+json";

        assertThatThrownBy(() -> Manifests.parse(helm, "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.UNSUPPORTED_MEDIA_TYPE))
                .hasMessage("unsupported image manifest type: " + helm);
    }

    @Test
    void rejectsAnUnsupportedTypeDeclaredByTheBody() {
        byte[] body = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example.thing.v1+json\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Manifests.parse("", body))
                .isInstanceOf(RegistryException.class)
                .hasMessage("unsupported image manifest type: application/vnd.example.thing.v1+json");
    }

    @Test
    void malformedJsonOfAKnownTypeIsAnIntegrityFailure() {
        assertThatThrownBy(() -> Manifests.parse(MediaTypes.OCI_MANIFEST, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INTEGRITY_MISMATCH))
                .hasMessageStartingWith("malformed " + MediaTypes.OCI_MANIFEST + " manifest");
    }

    private static byte[] ociManifestWithoutMediaType() {
        ImageManifest fixture = ImageFixtures.ociImage();
        String json = new String(fixture.manifest().bytes(), StandardCharsets.UTF_8)
                .replace("\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",", "");
        assertThat(json).doesNotContain(MediaTypes.OCI_MANIFEST);
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
