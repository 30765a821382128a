package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.image.ChildManifest;
import dev.imagepipe.importer.image.ContainerConfig;
import dev.imagepipe.importer.image.ImageLayer;
import dev.imagepipe.importer.image.ImageMetadata;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.signature.DiscoveredSignature;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageManifest;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ObjectMeta;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps imported images to the Avro {@code Image} and back (the known-imports store keeps Avro). */
final class AvroImages {

    /** The platform OCI and Docker give attestation entries; the Avro form keeps no attestation flag. */
    private static final String UNKNOWN_PLATFORM = "unknown";

    private AvroImages() {}

    /**
     * @param created the request's event time: an Image's creation time is when it was first imported (decision 3)
     * @param signatures the signatures found for it; an Image without any carries none
     */
    static Image toAvro(ImportedImage image, Instant created, List<DiscoveredSignature> signatures) {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(image.name())
                        .setAnnotations(new LinkedHashMap<>(image.annotations()))
                        .setCreationTimestamp(created)
                        .build())
                .setDockerImageReference(image.dockerImageReference())
                .setDockerImageMetadata(metadata(image.metadata()))
                .setDockerImageMetadataVersion(image.metadataVersion())
                .setDockerImageManifestMediaType(image.manifestMediaType())
                .setDockerImageManifest(image.manifest().orElse(null))
                .setDockerImageConfig(image.config().orElse(null))
                .setDockerImageLayers(image.layers().stream()
                        .map(layer -> new dev.imagepipe.schemas.avro.ImageLayer(
                                layer.name(), layer.size(), layer.mediaType()))
                        .toList())
                .setDockerImageManifests(
                        image.manifests().stream().map(AvroImages::manifest).toList())
                .setSignatures(signatures.stream()
                        .map(signature -> signature(signature, created))
                        .toList())
                .build();
    }

    static ImportedImage fromAvro(Image image) {
        return new ImportedImage(
                image.getMetadata().getName(),
                image.getDockerImageReference(),
                metadata(image.getDockerImageMetadata()),
                image.getDockerImageMetadataVersion(),
                image.getDockerImageManifestMediaType(),
                Optional.ofNullable(image.getDockerImageManifest()),
                Optional.ofNullable(image.getDockerImageConfig()),
                image.getDockerImageLayers().stream()
                        .map(layer -> new ImageLayer(layer.getName(), layer.getSize(), layer.getMediaType()))
                        .toList(),
                image.getDockerImageManifests().stream().map(AvroImages::child).toList(),
                image.getMetadata().getAnnotations());
    }

    /**
     * An unverified signature as found: no conditions and no parsed claims, which only the tagger's verification fills
     * (A14.6: without {@code Trusted}, identity, claims, issuer and subject stay empty). A cosign signature's layer
     * annotations, among them the base64 signature, travel as metadata annotations.
     */
    static ImageSignature signature(DiscoveredSignature signature, Instant created) {
        Map<String, String> annotations = new LinkedHashMap<>(signature.annotations());
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(signature.name())
                        .setAnnotations(annotations)
                        .setCreationTimestamp(created)
                        .build())
                .setType(signature.type().wireName())
                .setContent(ByteBuffer.wrap(signature.content()))
                .setCreated(created)
                .build();
    }

    private static ImageManifest manifest(ChildManifest child) {
        return new ImageManifest(
                child.digest(),
                child.mediaType(),
                child.manifestSize(),
                child.architecture(),
                child.os(),
                child.variant());
    }

    private static ChildManifest child(ImageManifest manifest) {
        boolean attestation =
                UNKNOWN_PLATFORM.equals(manifest.getOs()) && UNKNOWN_PLATFORM.equals(manifest.getArchitecture());
        return new ChildManifest(
                manifest.getDigest(),
                manifest.getMediaType(),
                manifest.getManifestSize(),
                manifest.getArchitecture(),
                manifest.getOs(),
                manifest.getVariant(),
                attestation);
    }

    private static dev.imagepipe.schemas.avro.ImageMetadata metadata(ImageMetadata metadata) {
        return dev.imagepipe.schemas.avro.ImageMetadata.newBuilder()
                .setId(metadata.id())
                .setParent(metadata.parent())
                .setCreated(metadata.created())
                .setArchitecture(metadata.architecture())
                .setOs(metadata.os())
                .setVariant(metadata.variant())
                .setAuthor(metadata.author())
                .setDockerVersion(metadata.dockerVersion())
                .setConfig(metadata.config() == null ? null : config(metadata.config()))
                .setSize(metadata.size())
                .build();
    }

    private static ImageMetadata metadata(dev.imagepipe.schemas.avro.ImageMetadata metadata) {
        return new ImageMetadata(
                metadata.getId(),
                metadata.getParent(),
                metadata.getCreated(),
                metadata.getArchitecture(),
                metadata.getOs(),
                metadata.getVariant(),
                metadata.getAuthor(),
                metadata.getDockerVersion(),
                metadata.getConfig() == null ? null : config(metadata.getConfig()),
                metadata.getSize());
    }

    private static dev.imagepipe.schemas.avro.ContainerConfig config(ContainerConfig config) {
        return new dev.imagepipe.schemas.avro.ContainerConfig(
                config.env(),
                config.cmd(),
                config.entrypoint(),
                config.workingDir(),
                config.user(),
                new LinkedHashMap<>(config.labels()),
                config.exposedPorts(),
                config.volumes(),
                config.stopSignal());
    }

    private static ContainerConfig config(dev.imagepipe.schemas.avro.ContainerConfig config) {
        return new ContainerConfig(
                config.getEnv(),
                config.getCmd(),
                config.getEntrypoint(),
                config.getWorkingDir(),
                config.getUser(),
                config.getLabels(),
                config.getExposedPorts(),
                config.getVolumes(),
                config.getStopSignal());
    }
}
