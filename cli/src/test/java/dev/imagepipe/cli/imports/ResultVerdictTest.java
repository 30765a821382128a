package dev.imagepipe.cli.imports;

import static dev.imagepipe.cli.testing.ResultFixtures.answer;
import static dev.imagepipe.cli.testing.ResultFixtures.failed;
import static dev.imagepipe.cli.testing.ResultFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultVerdictTest {

    static final Submission SUBMISSION = new Submission(Instant.EPOCH, "u");

    static final ImageStreamImportRequest ONE_IMAGE =
            ImportRequests.fromOptions(ImportOptions.of("quay.io/a/b:1", ImportTarget.parse("ns/s")), SUBMISSION);

    static final ImageStreamImportRequest REPOSITORY = ImportRequests.fromOptions(
            new ImportOptions(
                    "quay.io/a/b",
                    ImportTarget.parse("ns/s"),
                    true,
                    Optional.empty(),
                    false,
                    false,
                    false,
                    dev.imagepipe.schemas.avro.ReferencePolicyType.Source,
                    false),
            SUBMISSION);

    @Test
    void succeedsWhenEveryImageImported() {
        assertThat(ResultVerdict.succeeded(answer(ONE_IMAGE, List.of(imported("quay.io/a/b", "1")))))
                .isTrue();
    }

    @Test
    void failsWhenAnImageFailed() {
        assertThat(ResultVerdict.succeeded(
                        answer(ONE_IMAGE, List.of(failed(ImportFailureReason.NotFound, "not found", "1")))))
                .isFalse();
    }

    @Test
    void failsWhenTheResultLacksTheStatusOfARequestedImage() {
        assertThat(ResultVerdict.succeeded(answer(ONE_IMAGE, List.of()))).isFalse();
        assertThat(ResultVerdict.succeeded(answer(REPOSITORY, List.of()))).isFalse();
    }

    @Test
    void failsARepositoryImportWhenAnyOfItsImagesFailed() {
        RepositoryImportStatus good = repository(StatusOutcome.Success, imported("quay.io/a/b", "1"));
        RepositoryImportStatus oneBad = repository(
                StatusOutcome.Success,
                imported("quay.io/a/b", "1"),
                failed(ImportFailureReason.UnsupportedMediaType, "v1 manifest", "0.1"));
        RepositoryImportStatus whollyBad = repository(StatusOutcome.Failure);

        assertThat(ResultVerdict.succeeded(answer(REPOSITORY, List.of(), good))).isTrue();
        assertThat(ResultVerdict.succeeded(answer(REPOSITORY, List.of(), oneBad)))
                .isFalse();
        assertThat(ResultVerdict.succeeded(answer(REPOSITORY, List.of(), whollyBad)))
                .isFalse();
    }

    static RepositoryImportStatus repository(
            StatusOutcome outcome, dev.imagepipe.schemas.avro.ImageImportStatus... images) {
        return RepositoryImportStatus.newBuilder()
                .setStatus(Status.newBuilder().setStatus(outcome).build())
                .setImages(List.of(images))
                .build();
    }
}
