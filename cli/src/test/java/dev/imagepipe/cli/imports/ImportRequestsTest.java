package dev.imagepipe.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportRequestsTest {

    static final Submission SUBMISSION = new Submission(Instant.parse("2025-03-01T12:00:00Z"), "uid-7");
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    private static ImageStreamImportRequest request(ImportOptions options) {
        return ImportRequests.fromOptions(options, SUBMISSION);
    }

    @Test
    void importsOneImageIntoTheTagOfTo() {
        ImageStreamImportRequest request =
                request(ImportOptions.of("quay.io/org/app:1.0", ImportTarget.parse("team/app:stable")));

        assertThat(ImportRequests.key(request)).isEqualTo("team/app");
        assertThat(request.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(request.getMetadata().getName()).isEqualTo("app");
        assertThat(request.getMetadata().getUid()).isEqualTo("uid-7");
        assertThat(request.getRequestedAt()).isEqualTo(SUBMISSION.requestedAt());
        assertThat(request.getCause()).isEqualTo(ImportCause.User);
        assertThat(request.getSpec().getImport$()).isTrue();
        assertThat(request.getSpec().getRepository()).isNull();
        ImageImportSpec image = request.getSpec().getImages().getFirst();
        assertThat(image.getFrom().getKind()).isEqualTo("DockerImage");
        assertThat(image.getFrom().getName()).isEqualTo("quay.io/org/app:1.0");
        assertThat(image.getTo().getName()).isEqualTo("stable");
        assertThat(image.getImportPolicy().getImportMode()).isNull();
        assertThat(image.getReferencePolicy().getType()).isEqualTo(ReferencePolicyType.Source);
    }

    @Test
    void defaultsTheTagToTheReferencesOwnWhenToHasNone() {
        ImageStreamImportRequest request = request(ImportOptions.of("busybox:1.36", ImportTarget.parse("team/bb")));

        assertThat(request.getSpec().getImages().getFirst().getTo().getName()).isEqualTo("1.36");
        assertThat(ImportRequests.tagsSomething(request)).isTrue();
    }

    @Test
    void leavesADigestReferenceUntaggedUnlessToNamesATag() {
        ImageStreamImportRequest untagged =
                request(ImportOptions.of("quay.io/org/app@" + DIGEST, ImportTarget.parse("team/app")));
        ImageStreamImportRequest tagged =
                request(ImportOptions.of("quay.io/org/app@" + DIGEST, ImportTarget.parse("team/app:pinned")));

        assertThat(untagged.getSpec().getImages().getFirst().getTo()).isNull();
        assertThat(ImportRequests.tagsSomething(untagged)).isFalse();
        assertThat(tagged.getSpec().getImages().getFirst().getTo().getName()).isEqualTo("pinned");
    }

    @Test
    void carriesEveryFlagIntoTheSpec() {
        ImageStreamImportRequest request = request(new ImportOptions(
                "registry.local:5000/app:1",
                ImportTarget.parse("team/app"),
                false,
                Optional.of(ImportMode.PreserveOriginal),
                true,
                true,
                true,
                ReferencePolicyType.Local,
                true));

        ImageImportSpec image = request.getSpec().getImages().getFirst();
        assertThat(request.getSpec().getImport$()).as("--dry-run").isFalse();
        assertThat(image.getImportPolicy().getInsecure()).isTrue();
        assertThat(image.getImportPolicy().getScheduled()).isTrue();
        assertThat(image.getImportPolicy().getImportMode()).isEqualTo(ImportMode.PreserveOriginal);
        assertThat(image.getIncludeManifest()).isTrue();
        assertThat(image.getReferencePolicy().getType()).isEqualTo(ReferencePolicyType.Local);
    }

    @Test
    void importsAWholeRepositoryWithAll() {
        ImageStreamImportRequest request = request(new ImportOptions(
                "quay.io/org/app",
                ImportTarget.parse("team/app"),
                true,
                Optional.of(ImportMode.Legacy),
                true,
                false,
                false,
                ReferencePolicyType.Source,
                false));

        assertThat(request.getSpec().getImages()).isEmpty();
        assertThat(request.getSpec().getRepository().getFrom().getName()).isEqualTo("quay.io/org/app");
        assertThat(request.getSpec().getRepository().getFrom().getKind()).isEqualTo("DockerImage");
        assertThat(request.getSpec().getRepository().getImportPolicy().getInsecure())
                .isTrue();
        assertThat(request.getSpec().getRepository().getImportPolicy().getImportMode())
                .isEqualTo(ImportMode.Legacy);
    }

    @Test
    void refusesATagOrDigestWithAllAsOpenShiftDoes() {
        ImportOptions tagged = new ImportOptions(
                "quay.io/org/app:1.0",
                ImportTarget.parse("team/app"),
                true,
                Optional.empty(),
                false,
                false,
                false,
                ReferencePolicyType.Source,
                false);
        ImportOptions digest = new ImportOptions(
                "quay.io/org/app@" + DIGEST,
                ImportTarget.parse("team/app"),
                true,
                Optional.empty(),
                false,
                false,
                false,
                ReferencePolicyType.Source,
                false);
        ImportOptions tagInTo = new ImportOptions(
                "quay.io/org/app",
                ImportTarget.parse("team/app:x"),
                true,
                Optional.empty(),
                false,
                false,
                false,
                ReferencePolicyType.Source,
                false);

        assertThatThrownBy(() -> request(tagged))
                .hasMessageContaining("you must specify an image repository, not a tag or ID");
        assertThatThrownBy(() -> request(digest))
                .hasMessageContaining("you must specify an image repository, not a tag or ID");
        assertThatThrownBy(() -> request(tagInTo)).hasMessageContaining("give --to team/app without a tag");
    }

    @Test
    void refusesAReferenceThatDoesNotParse() {
        assertThatThrownBy(() -> request(ImportOptions.of("https://quay.io/app", ImportTarget.parse("team/app"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid image reference \"https://quay.io/app\": invalid reference format");
    }
}
