package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.task.CachedImport;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Maps task outcomes to the Avro statuses of {@code import.results}. Status images carry their raw manifest and config
 * only when the spec asked ({@code includeManifest}, A2.8), and never signatures (those go to {@code images}).
 */
final class AvroStatuses {

    /** A9.5's repository message when one tag failed. */
    static final String ONE_TAG_FAILED = "one of the images from this repository failed to import";

    private AvroStatuses() {}

    static Status success() {
        return Status.newBuilder().setStatus(StatusOutcome.Success).build();
    }

    static Status failure(FailureReason reason, String message) {
        return Status.newBuilder()
                .setStatus(StatusOutcome.Failure)
                .setReason(ImportFailureReason.valueOf(reason.statusReason()))
                .setMessage(message)
                .setCode(reason.code())
                .build();
    }

    /**
     * @param tag the requested tag for a tag reference; empty for a digest reference (A10 notes)
     * @param includeManifest whether the spec asked for raw manifests
     */
    static ImageImportStatus image(
            TaskOutcome.ImageResult result, Optional<String> tag, boolean includeManifest, Instant eventTime) {
        ImageImportStatus.Builder status = ImageImportStatus.newBuilder().setTag(tag.orElse(null));
        return switch (result) {
            case TaskOutcome.Failed failed ->
                status.setStatus(failure(failed.reason(), failed.message())).build();
            case TaskOutcome.Imported imported ->
                status.setStatus(success())
                        .setImage(statusImage(imported.image(), includeManifest, eventTime))
                        .setManifests(imported.children().stream()
                                .map(child -> statusImage(child, includeManifest, eventTime))
                                .toList())
                        .setPlatformSelection(imported.selection()
                                .map(AvroStatuses::selection)
                                .orElse(null))
                        .build();
        };
    }

    static RepositoryImportStatus repository(
            TaskOutcome.RepositoryOutcome outcome, boolean includeManifest, Instant eventTime) {
        if (outcome.listing().isPresent()) {
            TaskOutcome.Failed failed = outcome.listing().get();
            return RepositoryImportStatus.newBuilder()
                    .setStatus(failure(failed.reason(), failed.message()))
                    .build();
        }
        List<ImageImportStatus> images = outcome.tags().stream()
                .map(tag -> image(tag.result(), Optional.of(tag.tag()), includeManifest, eventTime))
                .toList();
        long failed = outcome.failedTags();
        Status status = failed == 0 ? success() : failure(firstFailure(outcome), repositoryMessage(failed));
        return RepositoryImportStatus.newBuilder()
                .setStatus(status)
                .setImages(images)
                .setAdditionalTags(outcome.additionalTags())
                .build();
    }

    private static String repositoryMessage(long failed) {
        return failed == 1 ? ONE_TAG_FAILED : failed + " of the images from this repository failed to import";
    }

    /** The closed reason set has no {@code ImportFailed}: a repository reports the reason of its first failed tag. */
    private static FailureReason firstFailure(TaskOutcome.RepositoryOutcome outcome) {
        return outcome.tags().stream()
                .map(TaskOutcome.TagImport::result)
                .filter(TaskOutcome.Failed.class::isInstance)
                .map(result -> ((TaskOutcome.Failed) result).reason())
                .findFirst()
                .orElse(FailureReason.UNKNOWN);
    }

    private static Image statusImage(ImportedImage image, boolean includeManifest, Instant eventTime) {
        return AvroImages.toAvro(includeManifest ? image : image.withoutRawContent(), eventTime, List.of());
    }

    /** The known-imports store's form of a cached import: a successful status without raw content. */
    static ImageImportStatus cached(CachedImport cached) {
        return ImageImportStatus.newBuilder()
                .setStatus(success())
                .setImage(AvroImages.toAvro(cached.image(), Instant.EPOCH, List.of()))
                .setManifests(cached.children().stream()
                        .map(child -> AvroImages.toAvro(child, Instant.EPOCH, List.of()))
                        .toList())
                .setPlatformSelection(
                        cached.selection().map(AvroStatuses::selection).orElse(null))
                .build();
    }

    static CachedImport cached(ImageImportStatus status) {
        return new CachedImport(
                AvroImages.fromAvro(status.getImage()),
                status.getManifests().stream().map(AvroImages::fromAvro).toList(),
                Optional.ofNullable(status.getPlatformSelection()).map(AvroStatuses::selection));
    }

    private static dev.imagepipe.schemas.avro.PlatformSelection selection(PlatformSelection selection) {
        return new dev.imagepipe.schemas.avro.PlatformSelection(
                selection.architecture(), selection.os(), selection.variant(), ruleName(selection.rule()));
    }

    private static PlatformSelection selection(dev.imagepipe.schemas.avro.PlatformSelection selection) {
        return new PlatformSelection(
                selection.getArchitecture(),
                selection.getOs(),
                selection.getVariant(),
                java.util.Arrays.stream(PlatformChooser.Rule.values())
                        .filter(rule -> ruleName(rule).equals(selection.getRule()))
                        .findFirst()
                        .orElse(PlatformChooser.Rule.FIRST_ENTRY));
    }

    /** The rule as recorded in {@code PlatformSelection.rule}. */
    static String ruleName(PlatformChooser.Rule rule) {
        return switch (rule) {
            case PREFERRED -> "PreferredPlatform";
            case DEFAULT_PLATFORM -> "DefaultPlatform";
            case LINUX_AMD64 -> "LinuxAmd64";
            case FIRST_ENTRY -> "FirstEntry";
        };
    }
}
