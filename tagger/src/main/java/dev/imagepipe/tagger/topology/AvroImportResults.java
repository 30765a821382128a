package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.tagger.history.EntryOutcome;
import dev.imagepipe.tagger.history.ImportEntry;
import dev.imagepipe.tagger.history.ImportResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads an importer result ({@code ImageStreamImport} on {@code import.results}, key {@code ns/stream}) as what the
 * tagger does with it: nothing (dry run, request-level failure), a tag deletion, or an {@link ImportResult} to apply.
 *
 * <p>{@code metadata.uid} is the uid of the request (it travels to {@code tag.events} as {@code requestUid}); it is
 * not read as the stream uid of A2.4's optimistic lock, because every producer, the scheduler included, gives its
 * requests their own uid. The lock is {@code metadata.resourceVersion} alone.
 */
final class AvroImportResults {

    /** The reason recorded when a failed entry carries none; the schema's guard symbol for "no image, no error". */
    static final String UNKNOWN_REASON = "Unknown";

    private AvroImportResults() {}

    /** What a result asks of the tagger. */
    sealed interface Action {}

    /** Nothing to persist: a dry run ({@code spec.import=false}, A2.8) or a request that failed validation (A11.7). */
    record Ignore(String why) implements Action {}

    /** Delete these tags, in order ({@link ImportRequest#DELETE_TAGS}). */
    record DeleteTags(List<String> tags) implements Action {}

    /** Apply the import. */
    record Apply(ImportResult result) implements Action {}

    static Action read(String key, ImageStreamImport value) {
        if (!value.getSpec().getImport$()) {
            return new Ignore("dry run");
        }
        if (value.getStatus().getFailure() != null) {
            return new Ignore("request failed validation: "
                    + value.getStatus().getFailure().getMessage());
        }
        String deletions = value.getMetadata().getAnnotations().get(ImportRequest.DELETE_TAGS);
        if (deletions != null) {
            return new DeleteTags(Arrays.stream(deletions.split(","))
                    .map(String::trim)
                    .filter(tag -> !tag.isEmpty())
                    .toList());
        }
        return new Apply(result(key, value));
    }

    private static ImportResult result(String key, ImageStreamImport value) {
        String namespace = Optional.ofNullable(value.getMetadata().getNamespace())
                .orElseGet(() -> key.substring(0, Math.max(0, key.indexOf('/'))));
        return new ImportResult(
                namespace,
                value.getMetadata().getName(),
                Optional.empty(),
                Optional.ofNullable(value.getMetadata().getResourceVersion()),
                value.getRequestedAt(),
                repositoryEntries(value),
                imageEntries(value));
    }

    private static List<ImportEntry> repositoryEntries(ImageStreamImport value) {
        RepositoryImportSpec spec = value.getSpec().getRepository();
        if (spec == null || value.getStatus().getRepository() == null) {
            return List.of();
        }
        var entries = new ArrayList<ImportEntry>();
        for (ImageImportStatus status : value.getStatus().getRepository().getImages()) {
            if (status.getTag() != null) {
                entries.add(ImportEntry.repositoryTag(
                        spec.getFrom().getName(),
                        status.getTag(),
                        AvroTags.importPolicy(spec.getImportPolicy()),
                        AvroTags.referencePolicy(spec.getReferencePolicy()),
                        outcome(status)));
            }
        }
        return entries;
    }

    /** {@code spec.images[i]} with {@code status.images[i]}; the importer keeps them aligned. */
    private static List<ImportEntry> imageEntries(ImageStreamImport value) {
        List<ImageImportSpec> specs = value.getSpec().getImages();
        List<ImageImportStatus> statuses = value.getStatus().getImages();
        var entries = new ArrayList<ImportEntry>();
        for (int i = 0; i < Math.min(specs.size(), statuses.size()); i++) {
            ImageImportSpec spec = specs.get(i);
            entries.add(new ImportEntry(
                    Optional.ofNullable(spec.getTo()).map(LocalObjectReference::getName),
                    spec.getFrom().getName(),
                    AvroTags.importPolicy(spec.getImportPolicy()),
                    AvroTags.referencePolicy(spec.getReferencePolicy()),
                    outcome(statuses.get(i))));
        }
        return entries;
    }

    private static EntryOutcome outcome(ImageImportStatus status) {
        Image image = status.getImage();
        if (status.getStatus().getStatus() == StatusOutcome.Success && image != null) {
            return new EntryOutcome.Imported(image.getMetadata().getName(), image.getDockerImageReference());
        }
        String reason = status.getStatus().getReason() == null
                ? UNKNOWN_REASON
                : status.getStatus().getReason().name();
        return new EntryOutcome.Failed(
                reason, Optional.ofNullable(status.getStatus().getMessage()));
    }
}
