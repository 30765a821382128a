package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.request.ImportPlanner;
import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import java.util.Optional;

/** Maps the Avro request to its domain form, and applies A2.2 defaulting to the Avro spec the result echoes. */
final class AvroRequests {

    private AvroRequests() {}

    static ImportRequest toDomain(String key, ImageStreamImportRequest request) {
        var metadata = request.getMetadata();
        var spec = request.getSpec();
        return new ImportRequest(
                key == null ? "" : key,
                Optional.ofNullable(metadata.getNamespace()),
                metadata.getName(),
                !spec.getImport$(),
                spec.getImages().stream().map(AvroRequests::image).toList(),
                Optional.ofNullable(spec.getRepository()).map(AvroRequests::repository),
                metadata.getAnnotations(),
                request.getRequestedAt());
    }

    /**
     * A copy of a valid {@code request} with A2.2's defaults applied: {@code to.name} from the tag of {@code from} when
     * {@code to} is missing, and the import mode of every spec set ({@code referencePolicy} defaults in the schema).
     */
    static ImageStreamImportRequest defaulted(ImageStreamImportRequest request, ImportMode defaultMode) {
        var spec = request.getSpec();
        var images = spec.getImages().stream()
                .map(image -> {
                    ImageImportSpec.Builder builder = ImageImportSpec.newBuilder(image)
                            .setImportPolicy(defaultMode(image.getImportPolicy(), defaultMode));
                    if (image.getTo() == null) {
                        ImportPlanner.targetTag(image(image))
                                .ifPresent(tag -> builder.setTo(new LocalObjectReference(tag)));
                    }
                    return builder.build();
                })
                .toList();
        RepositoryImportSpec repository = spec.getRepository() == null
                ? null
                : RepositoryImportSpec.newBuilder(spec.getRepository())
                        .setImportPolicy(defaultMode(spec.getRepository().getImportPolicy(), defaultMode))
                        .build();
        return ImageStreamImportRequest.newBuilder(request)
                .setSpec(ImageStreamImportSpec.newBuilder(spec)
                        .setImages(images)
                        .setRepository(repository)
                        .build())
                .build();
    }

    static ImportMode mode(dev.imagepipe.schemas.avro.ImportMode mode) {
        return mode == dev.imagepipe.schemas.avro.ImportMode.PreserveOriginal
                ? ImportMode.PRESERVE_ORIGINAL
                : ImportMode.LEGACY;
    }

    static dev.imagepipe.schemas.avro.ImportMode mode(ImportMode mode) {
        return mode == ImportMode.PRESERVE_ORIGINAL
                ? dev.imagepipe.schemas.avro.ImportMode.PreserveOriginal
                : dev.imagepipe.schemas.avro.ImportMode.Legacy;
    }

    private static TagImportPolicy defaultMode(TagImportPolicy policy, ImportMode defaultMode) {
        return policy.getImportMode() != null
                ? policy
                : TagImportPolicy.newBuilder(policy)
                        .setImportMode(mode(defaultMode))
                        .build();
    }

    private static ImportRequest.ImageSpec image(ImageImportSpec spec) {
        return new ImportRequest.ImageSpec(
                spec.getFrom().getKind(),
                spec.getFrom().getName(),
                Optional.ofNullable(spec.getTo()).map(LocalObjectReference::getName),
                spec.getImportPolicy().getInsecure(),
                Optional.ofNullable(spec.getImportPolicy().getImportMode()).map(AvroRequests::mode));
    }

    private static ImportRequest.RepositorySpec repository(RepositoryImportSpec spec) {
        return new ImportRequest.RepositorySpec(
                spec.getFrom().getKind(),
                spec.getFrom().getName(),
                spec.getImportPolicy().getInsecure(),
                Optional.ofNullable(spec.getImportPolicy().getImportMode()).map(AvroRequests::mode));
    }
}
