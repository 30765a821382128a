package dev.imagepipe.cli.imports;

import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.StatusOutcome;

/** Whether an import result counts as a success for the exit code. */
public final class ResultVerdict {

    private ResultVerdict() {}

    /**
     * True when every requested image has a Success status and, for a repository import, the repository and each of
     * its images succeeded. A result missing the status of something requested is not a success.
     */
    public static boolean succeeded(ImageStreamImport result) {
        var statuses = result.getStatus().getImages();
        if (statuses.size() < result.getSpec().getImages().size()) {
            return false;
        }
        if (!statuses.stream().allMatch(ResultVerdict::succeeded)) {
            return false;
        }
        RepositoryImportStatus repository = result.getStatus().getRepository();
        if (result.getSpec().getRepository() != null && repository == null) {
            return false;
        }
        return repository == null
                || (repository.getStatus().getStatus() == StatusOutcome.Success
                        && repository.getImages().stream().allMatch(ResultVerdict::succeeded));
    }

    private static boolean succeeded(ImageImportStatus status) {
        return status.getStatus().getStatus() == StatusOutcome.Success;
    }
}
