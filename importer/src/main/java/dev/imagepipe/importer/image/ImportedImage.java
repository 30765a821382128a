package dev.imagepipe.importer.image;

import dev.imagepipe.importer.registry.MediaTypes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An imported image or manifest list (Avro {@code Image}), built by {@link ImageAssembler}.
 *
 * @param name the manifest digest (the list digest for a list)
 * @param dockerImageReference the pull spec by digest, {@code <reference as written>@<digest>}
 * @param metadata the metadata from the config blob (or the list stand-in, A7.4)
 * @param metadataVersion always {@link #METADATA_VERSION}
 * @param manifestMediaType the manifest media type; schema 1 is normalised to {@code v1+json}
 * @param manifest the raw manifest JSON, when kept (responses that asked for it)
 * @param config the raw config JSON; empty for lists and schema 1
 * @param layers layers base first; empty for a list
 * @param manifests the list's entries in index order; empty for a single image
 * @param annotations {@code image.openshift.io/dockerLayersOrder=ascending} for single images
 */
public record ImportedImage(
        String name,
        String dockerImageReference,
        ImageMetadata metadata,
        String metadataVersion,
        String manifestMediaType,
        Optional<String> manifest,
        Optional<String> config,
        List<ImageLayer> layers,
        List<ChildManifest> manifests,
        Map<String, String> annotations) {

    public static final String METADATA_VERSION = "1.0";

    /** Says the layers are listed base first; OpenShift clients reorder images without it. */
    public static final String LAYERS_ORDER_ANNOTATION = "image.openshift.io/dockerLayersOrder";

    public static final String LAYERS_ORDER_ASCENDING = "ascending";

    public ImportedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dockerImageReference, "dockerImageReference");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(manifestMediaType, "manifestMediaType");
        layers = List.copyOf(layers);
        manifests = List.copyOf(manifests);
        annotations = Map.copyOf(annotations);
    }

    /** Whether this is a manifest list or index kept as such. */
    public boolean isList() {
        return MediaTypes.isList(manifestMediaType);
    }

    /** This image under another pull spec: a content-addressed image reused for a request that spelled it otherwise. */
    public ImportedImage withDockerImageReference(String value) {
        return new ImportedImage(
                name,
                value,
                metadata,
                metadataVersion,
                manifestMediaType,
                manifest,
                config,
                layers,
                manifests,
                annotations);
    }

    /** This image without its raw manifest and config JSON, as status reports it unless asked (A2.8). */
    public ImportedImage withoutRawContent() {
        return new ImportedImage(
                name,
                dockerImageReference,
                metadata,
                metadataVersion,
                manifestMediaType,
                Optional.empty(),
                Optional.empty(),
                layers,
                manifests,
                annotations);
    }

    /** This image without the raw manifest JSON, which is never persisted (A11.2). */
    public ImportedImage withoutManifest() {
        return new ImportedImage(
                name,
                dockerImageReference,
                metadata,
                metadataVersion,
                manifestMediaType,
                Optional.empty(),
                config,
                layers,
                manifests,
                annotations);
    }
}
