package dev.imagepipe.importer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.DockerSchema1Manifest;
import dev.imagepipe.importer.registry.manifest.Manifest;
import dev.imagepipe.importer.registry.manifest.ManifestList;
import dev.imagepipe.importer.registry.manifest.Manifests;
import dev.imagepipe.importer.registry.manifest.Schema1Fixture;
import dev.imagepipe.testing.fixture.CanonicalJson;
import dev.imagepipe.testing.fixture.ImageConfig;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageIndex;
import dev.imagepipe.testing.fixture.ImageManifest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ImageAssemblerTest {

    private static final String REPOSITORY = "quay.io/openshift/test";

    private static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    @Test
    void convertsTheOciFixtureWithLayersMetadataAndSize() {
        ImageManifest fixture = ImageFixtures.ociImage();

        ImportedImage image = assemble(fixture);

        assertThat(image.name()).isEqualTo(fixture.digest());
        assertThat(image.dockerImageReference()).isEqualTo(REPOSITORY + "@" + fixture.digest());
        assertThat(image.metadataVersion()).isEqualTo("1.0");
        assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(image.manifest()).contains(new String(fixture.manifest().bytes(), StandardCharsets.UTF_8));
        assertThat(image.config()).contains(new String(fixture.config().bytes(), StandardCharsets.UTF_8));
        assertThat(image.layers())
                .containsExactly(new ImageLayer(
                        fixture.layers().get(0).digest(),
                        fixture.layers().get(0).size(),
                        fixture.layers().get(0).mediaType()));
        assertThat(image.manifests()).isEmpty();
        assertThat(image.isList()).isFalse();
        assertThat(image.annotations())
                .containsExactlyEntriesOf(Map.of("image.openshift.io/dockerLayersOrder", "ascending"));
        assertThat(image.metadata().size())
                .isEqualTo(fixture.config().size() + fixture.layers().get(0).size());
    }

    @Test
    void takesMetadataFromTheConfigWithTheConfigDigestAsId() {
        ImageManifest fixture = ImageFixtures.dockerImage();

        ImageMetadata metadata = assemble(fixture).metadata();

        assertThat(metadata.id()).isEqualTo(fixture.config().digest());
        assertThat(metadata.created()).isEqualTo(ImageConfig.DEFAULT_CREATED);
        assertThat(metadata.architecture()).isEqualTo("amd64");
        assertThat(metadata.os()).isEqualTo("linux");
        ContainerConfig config = metadata.config();
        assertThat(config.labels())
                .containsEntry("org.opencontainers.image.version", "1.0.0")
                .containsEntry(ImageFixtures.PLATFORM_LABEL, "linux/amd64");
        assertThat(config.env())
                .containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "FIXTURE=1");
        assertThat(config.entrypoint()).containsExactly("/usr/bin/fixture");
        assertThat(config.cmd()).containsExactly("--serve", "--port=8080");
        assertThat(config.workingDir()).isEqualTo("/srv");
    }

    @Test
    void keepsTheArm64VariantFromTheConfig() {
        ImageManifest arm = ImageFixtures.ociIndex().children().get(1);

        ImageMetadata metadata = assemble(arm).metadata();

        assertThat(metadata.architecture()).isEqualTo("arm64");
        assertThat(metadata.variant()).isEqualTo("v8");
    }

    @Test
    void sizeIsConfigLengthPlusOneLayer() {
        // D12 row 1: busybox, config 1459 bytes, one layer of 667590
        byte[] config = configOfLength(1459);
        byte[] manifest = dockerManifest(config, List.of(layer('a', 667590)));

        ImportedImage image = ImageAssembler.image(
                Manifests.parse(MediaTypes.DOCKER_MANIFEST, manifest),
                Digest.sha256(manifest),
                config,
                "test@" + Digest.sha256(manifest));

        assertThat(image.metadata().size()).isEqualTo(669049);
        assertThat(image.dockerImageReference()).isEqualTo("test@" + Digest.sha256(manifest));
    }

    @Test
    void countsARepeatedLayerDigestOnceInTheSize() {
        // D12 row 2: layers 5312, 235231 twice (same digest), 639152 and a 3153-byte config
        byte[] config = configOfLength(3153);
        List<Map<String, Object>> layers =
                List.of(layer('a', 5312), layer('b', 235231), layer('b', 235231), layer('c', 639152));
        byte[] manifest = dockerManifest(config, layers);

        ImportedImage image = ImageAssembler.image(
                Manifests.parse(MediaTypes.DOCKER_MANIFEST, manifest), Digest.sha256(manifest), config, "test@x");

        assertThat(image.metadata().size()).isEqualTo(882848);
        assertThat(image.metadata().id()).isEqualTo(Digest.sha256(config).toString());
        assertThat(image.layers()).extracting(ImageLayer::size).containsExactly(5312L, 235231L, 235231L, 639152L);
        assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void rejectsAnEmptyConfigBlob() {
        ImageManifest fixture = ImageFixtures.dockerImage();
        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThatThrownBy(() -> ImageAssembler.image(manifest, manifest.digest(), new byte[0], "test@x"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INTEGRITY_MISMATCH))
                .hasMessage("dockerImageConfig must not be empty for manifest type " + MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void convertsSchema1WithLayersBaseFirstSizesFromHistoryAndNormalisedMediaType() {
        // D12 row 3
        byte[] signed = Schema1Fixture.sign(Schema1Fixture.d12Payload());
        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1_SIGNED, signed);
        Digest digest = manifest.digest();

        ImportedImage image = ImageAssembler.image(manifest, digest, null, "test@" + digest);

        assertThat(image.name())
                .isEqualTo(Digest.sha256(Schema1Fixture.d12Payload()).toString());
        assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.DOCKER_SCHEMA1);
        assertThat(image.layers())
                .extracting(ImageLayer::name)
                .containsExactlyElementsOf(Schema1Fixture.D12_LAYERS.reversed());
        assertThat(image.layers())
                .extracting(ImageLayer::size)
                .containsExactlyElementsOf(Schema1Fixture.D12_SIZES.reversed());
        assertThat(image.layers())
                .extracting(ImageLayer::mediaType)
                .containsOnly(DockerSchema1Manifest.LAYER_MEDIA_TYPE);
        assertThat(image.metadata().size()).isEqualTo(188294133);
        assertThat(image.config()).isEmpty();
        assertThat(image.annotations()).containsEntry("image.openshift.io/dockerLayersOrder", "ascending");
    }

    @Test
    void takesSchema1MetadataFromTheFirstHistoryEntry() {
        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1, Schema1Fixture.d12Payload());

        ImageMetadata metadata = ImageAssembler.image(manifest, manifest.digest(), null, "test@x")
                .metadata();

        assertThat(metadata.id()).isEqualTo("5".repeat(64));
        assertThat(metadata.parent()).isEqualTo("4".repeat(64));
        assertThat(metadata.created()).isEqualTo(Instant.parse("2016-03-01T10:11:12.123456789Z"));
        assertThat(metadata.dockerVersion()).isEqualTo("1.9.1");
        assertThat(metadata.author()).isEqualTo("someone");
        assertThat(metadata.config().user()).isEqualTo("1001");
        assertThat(metadata.config().labels()).containsEntry("l", "v");
    }

    @Test
    void rejectsSchema1WithoutHistory() {
        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1, Schema1Fixture.payload(List.of(), List.of()));

        assertThatThrownBy(() -> ImageAssembler.image(manifest, manifest.digest(), null, "test@x"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("image has no v1Compatibility history and cannot be used");
    }

    @Test
    void rejectsSchema1WhoseHistoryAndLayersDiffer() {
        byte[] payload = Schema1Fixture.payload(Schema1Fixture.D12_LAYERS, List.of(1L, 2L));
        Manifest manifest = Manifests.parse(MediaTypes.DOCKER_SCHEMA1, payload);
        Digest digest = manifest.digest();

        assertThatThrownBy(() -> ImageAssembler.image(manifest, digest, null, "test@" + digest))
                .isInstanceOf(RegistryException.class)
                .hasMessage("the image " + digest + " (test@" + digest
                        + ") has mismatched history and fslayer cardinality (2 != 5)");
    }

    @Test
    void keepsAnIndexAsAListWithChildrenInIndexOrderAndTheCallersEventTime() {
        ImageIndex fixture = ImageFixtures.ociIndex();
        ManifestList list = (ManifestList)
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());
        Instant eventTime = Instant.parse("2026-11-22T07:00:00Z");

        ImportedImage image =
                ImageAssembler.list(list, list.digest(), REPOSITORY + "@" + fixture.digest(), Optional.of(eventTime));

        assertThat(image.isList()).isTrue();
        assertThat(image.name()).isEqualTo(fixture.digest());
        assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(image.metadata().id()).isEqualTo(fixture.digest());
        assertThat(image.metadata().created()).isEqualTo(eventTime);
        assertThat(image.layers()).isEmpty();
        assertThat(image.config()).isEmpty();
        List<ImageManifest> children = fixture.children();
        assertThat(image.manifests())
                .containsExactly(
                        child(children.get(0), "amd64", null),
                        child(children.get(1), "arm64", "v8"),
                        child(children.get(2), "ppc64le", null));
    }

    @Test
    void leavesAListsCreatedEmptyWithoutAnEventTime() {
        ImageIndex fixture = ImageFixtures.dockerManifestList();
        ManifestList list = (ManifestList)
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        ImportedImage image = ImageAssembler.list(list, list.digest(), "test@" + fixture.digest(), Optional.empty());

        assertThat(image.metadata().created()).isNull();
        assertThat(image.manifestMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
        assertThat(image.manifests()).hasSize(3).noneMatch(ChildManifest::attestation);
    }

    @Test
    void refusesToAssembleAListAsASingleImage() {
        ImageIndex fixture = ImageFixtures.ociIndex();
        Manifest list = Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());

        assertThatThrownBy(() -> ImageAssembler.image(list, list.digest(), new byte[] {1}, "test@x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutManifestDropsOnlyTheRawManifest() {
        ImportedImage image = assemble(ImageFixtures.ociImage());

        ImportedImage stripped = image.withoutManifest();

        assertThat(stripped.manifest()).isEmpty();
        assertThat(stripped.config()).isEqualTo(image.config());
        assertThat(stripped.layers()).isEqualTo(image.layers());
    }

    private static ChildManifest child(ImageManifest child, String architecture, String variant) {
        return new ChildManifest(
                child.digest(), MediaTypes.OCI_MANIFEST, child.size(), architecture, "linux", variant, false);
    }

    private static ImportedImage assemble(ImageManifest fixture) {
        Manifest manifest =
                Manifests.parse(fixture.mediaType(), fixture.manifest().bytes());
        Digest digest = Manifests.verify(manifest, Digest.parse(fixture.digest()));
        return ImageAssembler.image(manifest, digest, fixture.config().bytes(), REPOSITORY + "@" + digest);
    }

    /** A valid config JSON of exactly {@code length} bytes, padded in a label. */
    private static byte[] configOfLength(int length) {
        String prefix = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"pad\":\"";
        String suffix = "\"}}}";
        String json = prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(length);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> layer(char digestChar, long size) {
        return descriptor(DOCKER_LAYER, "sha256:" + String.valueOf(digestChar).repeat(64), size);
    }

    private static byte[] dockerManifest(byte[] config, List<Map<String, Object>> layers) {
        Map<String, Object> manifest = new TreeMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.DOCKER_MANIFEST);
        manifest.put(
                "config",
                descriptor(MediaTypes.DOCKER_CONFIG, Digest.sha256(config).toString(), config.length));
        manifest.put("layers", layers);
        return CanonicalJson.write(manifest);
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
        return Map.of("mediaType", mediaType, "digest", digest, "size", size);
    }
}
