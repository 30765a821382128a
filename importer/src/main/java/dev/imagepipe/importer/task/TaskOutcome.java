package dev.imagepipe.importer.task;

import dev.imagepipe.importer.fetch.Observation;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.signature.DiscoveredSignature;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a {@link FetchTask} produced. */
public sealed interface TaskOutcome {

    /** The outcome of one image: imported, or failed. */
    sealed interface ImageResult {
        /** What happened at each pull source tried, in order. */
        List<Observation> observations();
    }

    /**
     * The image was imported, or found among the known imports after one {@code HEAD}.
     *
     * @param image the Image of the reference: a single image, the Legacy-chosen child, or the list kept as such
     * @param children a PreserveOriginal list's children, in list order
     * @param resolvedDigest the digest the reference resolved to at the registry (the list's for a list)
     * @param cached whether it came from {@link KnownImports}; nothing was fetched and nothing needs writing
     * @param signatures signatures found per image digest; empty for cached imports and dry runs
     */
    record Imported(
            ImportedImage image,
            List<ImportedImage> children,
            Optional<PlatformSelection> selection,
            String resolvedDigest,
            boolean cached,
            Map<String, List<DiscoveredSignature>> signatures,
            List<Observation> observations)
            implements ImageResult {
        public Imported {
            Objects.requireNonNull(image, "image");
            children = List.copyOf(children);
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(resolvedDigest, "resolvedDigest");
            signatures = Map.copyOf(signatures);
            observations = List.copyOf(observations);
        }

        /** Every Image of the import: children first, as OpenShift creates them before the list (A8.4). */
        public List<ImportedImage> allImages() {
            return java.util.stream.Stream.concat(children.stream(), java.util.stream.Stream.of(image))
                    .toList();
        }
    }

    /** The image could not be imported; {@code message} is what status shows. */
    record Failed(FailureReason reason, String message, List<Observation> observations) implements ImageResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            observations = List.copyOf(observations);
        }
    }

    /** A spec image's fetch. */
    record ImageOutcome(ImageResult result) implements TaskOutcome {
        public ImageOutcome {
            Objects.requireNonNull(result, "result");
        }
    }

    /** One tag of a repository import. */
    record TagImport(String tag, ImageResult result) {
        public TagImport {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A repository import (A9): the tags imported in priority order, and the rest by name.
     *
     * @param listing why the tags could not be listed; then {@code tags} and {@code additionalTags} are empty
     */
    record RepositoryOutcome(Optional<Failed> listing, List<TagImport> tags, List<String> additionalTags)
            implements TaskOutcome {
        public RepositoryOutcome {
            Objects.requireNonNull(listing, "listing");
            tags = List.copyOf(tags);
            additionalTags = List.copyOf(additionalTags);
        }

        /** How many imported tags failed. */
        public long failedTags() {
            return tags.stream().filter(tag -> tag.result() instanceof Failed).count();
        }
    }
}
