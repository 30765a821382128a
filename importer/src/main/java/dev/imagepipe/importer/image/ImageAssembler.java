package dev.imagepipe.importer.image;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Descriptor;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.DockerSchema1Manifest;
import dev.imagepipe.importer.registry.manifest.ImageConfigBlob;
import dev.imagepipe.importer.registry.manifest.Manifest;
import dev.imagepipe.importer.registry.manifest.ManifestList;
import dev.imagepipe.importer.registry.manifest.PlatformManifest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts a parsed, verified manifest into an {@link ImportedImage} (A7): a single image from a schema 2 or OCI
 * manifest and its config blob, a schema 1 image from its history, or a list kept as such. Pure: the digest and the
 * pull spec come from the caller, and so does a list's {@code created} (event time, never the wall clock).
 */
public final class ImageAssembler {

    /** The attestation marker BuildKit puts on index entries (and their {@code unknown/unknown} platform). */
    public static final String ATTESTATION_ANNOTATION = "vnd.docker.reference.type";

    private static final String UNKNOWN = "unknown";

    private static final Map<String, String> LAYERS_ASCENDING =
            Map.of(ImportedImage.LAYERS_ORDER_ANNOTATION, ImportedImage.LAYERS_ORDER_ASCENDING);

    private ImageAssembler() {}

    /**
     * A single image (A7.2, A7.3).
     *
     * @param manifest a schema 2, OCI or schema 1 manifest; lists go to {@link #list}
     * @param digest the manifest digest: the image's name
     * @param configBlob the config blob the manifest names (ignored for schema 1, may be {@code null} there)
     * @param dockerImageReference the pull spec by digest, built by the caller from the reference as written
     * @throws RegistryException {@link FailureReason#INTEGRITY_MISMATCH} when the config is empty or the schema 1
     *     history is missing or does not match its layers
     */
    public static ImportedImage image(
            Manifest manifest, Digest digest, byte[] configBlob, String dockerImageReference) {
        return switch (manifest) {
            case PlatformManifest platform -> platformImage(platform, digest, configBlob, dockerImageReference);
            case DockerSchema1Manifest schema1 -> schema1Image(schema1, digest, dockerImageReference);
            case ManifestList list ->
                throw new IllegalArgumentException(
                        "a manifest list (" + list.mediaType() + ") is assembled with list(), not image()");
        };
    }

    /**
     * A manifest list or index kept as such (A7.4): its entries in index order, no layers, no config, metadata
     * {@code Id} = the list digest and {@code Created} = {@code eventTime} (absent when not given).
     */
    public static ImportedImage list(
            ManifestList list, Digest digest, String dockerImageReference, Optional<Instant> eventTime) {
        ImageMetadata metadata = new ImageMetadata(
                digest.toString(), null, eventTime.orElse(null), null, null, null, null, null, null, 0);
        return new ImportedImage(
                digest.toString(),
                dockerImageReference,
                metadata,
                ImportedImage.METADATA_VERSION,
                list.mediaType(),
                Optional.of(utf8(list.raw())),
                Optional.empty(),
                List.of(),
                children(list),
                Map.of());
    }

    /** The list's entries in index order, attestations marked. */
    public static List<ChildManifest> children(ManifestList list) {
        return list.manifests().stream().map(ImageAssembler::child).toList();
    }

    private static ChildManifest child(Descriptor entry) {
        String os = entry.optionalPlatform().map(p -> p.os()).orElse("");
        String architecture =
                entry.optionalPlatform().map(p -> p.architecture()).orElse("");
        String variant = entry.optionalPlatform().map(p -> p.variant()).orElse(null);
        boolean attestation = (UNKNOWN.equals(os) && UNKNOWN.equals(architecture))
                || entry.annotations().containsKey(ATTESTATION_ANNOTATION);
        return new ChildManifest(
                entry.digest().toString(), entry.mediaType(), entry.size(), architecture, os, variant, attestation);
    }

    private static ImportedImage platformImage(
            PlatformManifest manifest, Digest digest, byte[] configBlob, String dockerImageReference) {
        if (configBlob == null || configBlob.length == 0) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    "dockerImageConfig must not be empty for manifest type " + manifest.mediaType());
        }
        ImageConfigBlob config = ImageConfigBlob.parse(configBlob);
        List<ImageLayer> layers = manifest.layers().stream()
                .map(layer -> new ImageLayer(layer.digest().toString(), layer.size(), layer.mediaType()))
                .toList();
        String configDigest = manifest.config().digest().toString();
        long size = configBlob.length + distinctLayerSize(layers, configDigest);
        ImageMetadata metadata = metadata(configDigest, config, size);
        return new ImportedImage(
                digest.toString(),
                dockerImageReference,
                metadata,
                ImportedImage.METADATA_VERSION,
                manifest.mediaType(),
                Optional.of(utf8(manifest.raw())),
                Optional.of(utf8(configBlob)),
                layers,
                List.of(),
                LAYERS_ASCENDING);
    }

    private static ImportedImage schema1Image(
            DockerSchema1Manifest manifest, Digest digest, String dockerImageReference) {
        List<String> history = manifest.v1Compatibility();
        List<Digest> fsLayers = manifest.fsLayers();
        if (history.isEmpty()) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH, "image has no v1Compatibility history and cannot be used");
        }
        if (history.size() != fsLayers.size()) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    "the image %s (%s) has mismatched history and fslayer cardinality (%d != %d)"
                            .formatted(digest, dockerImageReference, history.size(), fsLayers.size()));
        }
        // schema 1 lists the top layer first; history[i] describes fsLayers[i]
        List<ImageLayer> layers = new ArrayList<>();
        for (int i = fsLayers.size() - 1; i >= 0; i--) {
            layers.add(new ImageLayer(
                    fsLayers.get(i).toString(), v1Size(history.get(i)), DockerSchema1Manifest.LAYER_MEDIA_TYPE));
        }
        ImageConfigBlob top = ImageConfigBlob.parseV1Compatibility(history.get(0));
        String id = top.id() == null ? "" : top.id();
        ImageMetadata metadata = metadata(id, top, distinctLayerSize(layers, null));
        return new ImportedImage(
                digest.toString(),
                dockerImageReference,
                metadata,
                ImportedImage.METADATA_VERSION,
                MediaTypes.DOCKER_SCHEMA1,
                Optional.of(utf8(manifest.raw())),
                Optional.empty(),
                layers,
                List.of(),
                LAYERS_ASCENDING);
    }

    /** A history entry's {@code Size}; 0 when it does not parse, as OpenShift does. */
    private static long v1Size(String v1Compatibility) {
        try {
            return ImageConfigBlob.parseV1Compatibility(v1Compatibility).size();
        } catch (RegistryException malformed) {
            return 0;
        }
    }

    /** Sum of sizes over distinct layer digests; a layer equal to the config digest is already counted. */
    private static long distinctLayerSize(List<ImageLayer> layers, String configDigest) {
        Set<String> seen = new HashSet<>();
        if (configDigest != null) {
            seen.add(configDigest);
        }
        return layers.stream()
                .filter(layer -> seen.add(layer.name()))
                .mapToLong(ImageLayer::size)
                .sum();
    }

    private static ImageMetadata metadata(String id, ImageConfigBlob config, long size) {
        ImageConfigBlob.RuntimeConfig runtime = config.config();
        ContainerConfig containerConfig = new ContainerConfig(
                runtime.env(),
                runtime.cmd(),
                runtime.entrypoint(),
                runtime.workingDir(),
                runtime.user(),
                runtime.labels(),
                runtime.exposedPorts(),
                runtime.volumes(),
                runtime.stopSignal());
        return new ImageMetadata(
                id,
                config.parent(),
                config.created(),
                config.architecture(),
                config.os(),
                config.variant(),
                config.author(),
                config.dockerVersion(),
                containerConfig,
                size);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
