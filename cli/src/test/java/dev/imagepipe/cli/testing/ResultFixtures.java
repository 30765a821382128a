package dev.imagepipe.cli.testing;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.time.Instant;
import java.util.List;

/** Import results as the importer would produce them, for tests of the client side. */
public final class ResultFixtures {

    public static final String DIGEST = "sha256:" + "ab".repeat(32);
    public static final Instant COMPLETED = Instant.parse("2025-03-01T12:00:05Z");

    private ResultFixtures() {}

    /** A successful image status for {@code reference}, tagged {@code tag}. */
    public static ImageImportStatus imported(String reference, String tag) {
        return ImageImportStatus.newBuilder()
                .setStatus(Status.newBuilder()
                        .setStatus(StatusOutcome.Success)
                        .setCode(200)
                        .build())
                .setTag(tag)
                .setImage(Image.newBuilder()
                        .setMetadata(ObjectMeta.newBuilder().setName(DIGEST).build())
                        .setDockerImageReference(reference + "@" + DIGEST)
                        .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                        .build())
                .build();
    }

    /** A failed image status. */
    public static ImageImportStatus failed(ImportFailureReason reason, String message, String tag) {
        return ImageImportStatus.newBuilder()
                .setStatus(Status.newBuilder()
                        .setStatus(StatusOutcome.Failure)
                        .setReason(reason)
                        .setMessage(message)
                        .setCode(404)
                        .build())
                .setTag(tag)
                .build();
    }

    /** The result answering {@code request} with {@code images} aligned to its spec. */
    public static ImageStreamImport answer(ImageStreamImportRequest request, List<ImageImportStatus> images) {
        return answer(request, images, null);
    }

    public static ImageStreamImport answer(
            ImageStreamImportRequest request, List<ImageImportStatus> images, RepositoryImportStatus repository) {
        return ImageStreamImport.newBuilder()
                .setMetadata(request.getMetadata())
                .setSpec(request.getSpec())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(images)
                        .setRepository(repository)
                        .build())
                .setRequestedAt(request.getRequestedAt())
                .setCompletedAt(COMPLETED)
                .setCause(request.getCause())
                .build();
    }
}
