package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.ImportResultEntry;
import dev.imagepipe.auditor.log.ObservationEntry;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.util.Optional;

/** Maps {@code observations} and {@code import.results} values to log records. */
final class AvroRecords {

    private AvroRecords() {}

    static ObservationEntry observation(RegistryObservation observation) {
        return new ObservationEntry(
                observation.getRepository(),
                Optional.ofNullable(observation.getTag()),
                Optional.ofNullable(observation.getDigest()),
                Optional.ofNullable(observation.getResolvedDigest()),
                Optional.ofNullable(observation.getFailure()).map(AvroRecords::describe),
                observation.getPullSource(),
                observation.getViaMirror(),
                Optional.ofNullable(observation.getRequestUid()),
                observation.getObservedAt());
    }

    static ImportResultEntry importResult(ImageStreamImport result) {
        var metadata = result.getMetadata();
        String namespace = metadata.getNamespace() == null ? "" : metadata.getNamespace();
        int failures = (int) result.getStatus().getImages().stream()
                .map(ImageImportStatus::getStatus)
                .filter(s -> s.getStatus() == StatusOutcome.Failure)
                .count();
        return new ImportResultEntry(
                Optional.ofNullable(metadata.getUid()).filter(uid -> !uid.isEmpty()),
                namespace + "/" + metadata.getName(),
                failures,
                result.getStatus().getImages().size());
    }

    private static String describe(Status status) {
        return (status.getReason() == null ? "(no reason)" : status.getReason().name())
                + (status.getMessage() == null ? "" : ": " + status.getMessage());
    }
}
