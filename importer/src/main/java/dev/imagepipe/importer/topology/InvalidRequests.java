package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.request.Violation;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The result of a request that failed validation: nothing is fetched. OpenShift rejects such a request whole (422), so
 * the request-level {@code failure} lists every violation, and each spec image and the repository carry a failure too
 * (their own violation when they have one), keeping {@code status.images[]} aligned with {@code spec.images[]}.
 */
final class InvalidRequests {

    private InvalidRequests() {}

    static ImageStreamImport result(ImageStreamImportRequest request, List<Violation> violations) {
        Status whole = AvroStatuses.failure(reasonOf(violations), message(request, violations));
        List<ImageImportStatus> images = IntStream.range(
                        0, request.getSpec().getImages().size())
                .mapToObj(i -> ImageImportStatus.newBuilder()
                        .setStatus(own(violations, "spec.images[" + i + "]").orElse(whole))
                        .build())
                .toList();
        RepositoryImportStatus repository = request.getSpec().getRepository() == null
                ? null
                : RepositoryImportStatus.newBuilder()
                        .setStatus(own(violations, "spec.repository").orElse(whole))
                        .build();
        return ImageStreamImport.newBuilder()
                .setMetadata(request.getMetadata())
                .setSpec(request.getSpec())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(images)
                        .setRepository(repository)
                        .setFailure(whole)
                        .build())
                .setRequestedAt(request.getRequestedAt())
                .setCompletedAt(request.getRequestedAt())
                .setCause(request.getCause())
                .build();
    }

    /** As the API server words a rejected object: {@code ImageStreamImport.image.openshift.io "<name>" is invalid: ...}. */
    static String message(ImageStreamImportRequest request, List<Violation> violations) {
        String each = violations.stream().map(Violation::message).collect(Collectors.joining(", "));
        String list = violations.size() == 1 ? each : "[" + each + "]";
        return "ImageStreamImport.image.openshift.io \"%s\" is invalid: %s"
                .formatted(request.getMetadata().getName(), list);
    }

    private static java.util.Optional<Status> own(List<Violation> violations, String prefix) {
        List<Violation> own = violations.stream()
                .filter(violation -> violation.field().startsWith(prefix))
                .toList();
        if (own.isEmpty()) {
            return java.util.Optional.empty();
        }
        String message = own.stream().map(Violation::message).collect(Collectors.joining(", "));
        return java.util.Optional.of(AvroStatuses.failure(reasonOf(own), message));
    }

    /** A reference that does not parse is the more specific reason, when it is the only kind of problem. */
    private static FailureReason reasonOf(List<Violation> violations) {
        return violations.stream().allMatch(violation -> violation.reason() == FailureReason.INVALID_REFERENCE)
                ? FailureReason.INVALID_REFERENCE
                : FailureReason.INVALID;
    }
}
