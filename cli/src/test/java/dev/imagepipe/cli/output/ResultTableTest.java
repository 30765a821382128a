package dev.imagepipe.cli.output;

import static dev.imagepipe.cli.testing.ResultFixtures.DIGEST;
import static dev.imagepipe.cli.testing.ResultFixtures.answer;
import static dev.imagepipe.cli.testing.ResultFixtures.failed;
import static dev.imagepipe.cli.testing.ResultFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.cli.imports.ImportDocument;
import dev.imagepipe.cli.imports.Submission;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    static final ImageStreamImportRequest REQUEST = ImportDocument.parse(
            Documents.parse("isi.yaml", """
                    apiVersion: image.openshift.io/v1
                    kind: ImageStreamImport
                    metadata: {name: app, namespace: team}
                    spec:
                      images:
                        - from: {kind: DockerImage, name: quay.io/org/app:1.0}
                        - from: {kind: DockerImage, name: quay.io/org/app:gone}
                          to: {name: old}
                      repository:
                        from: {kind: DockerImage, name: quay.io/org/tools}
                    """),
            Optional.empty(),
            new Submission(Instant.parse("2025-03-01T12:00:00Z"), "u1"));

    @Test
    void printsOneRowPerImageThenTheRepositoryAndItsLeftoverTags() {
        RepositoryImportStatus repository = RepositoryImportStatus.newBuilder()
                .setStatus(Status.newBuilder().setStatus(StatusOutcome.Success).build())
                .setImages(List.of(imported("quay.io/org/tools", "v2")))
                .setAdditionalTags(List.of("v1", "v0"))
                .build();
        String table = ResultTable.render(answer(
                REQUEST,
                List.of(
                        imported("quay.io/org/app", "1.0"),
                        failed(ImportFailureReason.NotFound, "manifest unknown:\n  tag gone", null)),
                repository));

        assertThat(table.lines())
                .containsExactly(
                        "INDEX           FROM                   TAG   STATUS    REASON     DIGEST"
                                + " ".repeat(DIGEST.length() - 3) + "MESSAGE",
                        "0               quay.io/org/app:1.0    1.0   Success              " + DIGEST,
                        "1               quay.io/org/app:gone   old   Failure   NotFound   "
                                + " ".repeat(DIGEST.length() + 3) + "manifest unknown: tag gone",
                        "repository      quay.io/org/tools            Success",
                        "repository[0]   quay.io/org/tools      v2    Success              " + DIGEST,
                        "additional tags not imported (over the bulk import limit): v1, v0");
    }

    @Test
    void marksARequestedImageTheResultHasNoStatusFor() {
        String table = ResultTable.render(answer(REQUEST, List.of(imported("quay.io/org/app", "1.0"))));

        assertThat(table.lines().toList().get(2))
                .startsWith("1")
                .contains("quay.io/org/app:gone", "old", "Unknown", "no status for this image in the result");
    }
}
