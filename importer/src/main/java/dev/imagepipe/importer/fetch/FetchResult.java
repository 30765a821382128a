package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.policy.PullSource;
import dev.imagepipe.importer.registry.FailureReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ImageFetcher#fetch} produced for one reference. Every variant carries the {@link Observation}s of the
 * pull sources tried, in order (empty when the policy rejected the reference before any was contacted).
 */
public sealed interface FetchResult {

    List<Observation> observations();

    /**
     * The image was fetched and converted.
     *
     * @param image the Image: a single image, the Legacy-chosen child of a list, or the list itself (PreserveOriginal)
     * @param children PreserveOriginal only: every child of the list, in index order; otherwise empty
     * @param selection Legacy imports of a list only: which platform was chosen and by which rule
     * @param usedSource the pull source that served it; its candidate may be a mirror, but every
     *     {@code dockerImageReference} names the requested repository (A5.4.7)
     */
    record Imported(
            ImportedImage image,
            List<ImportedImage> children,
            Optional<PlatformSelection> selection,
            PullSource usedSource,
            List<Observation> observations)
            implements FetchResult {
        public Imported {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(usedSource, "usedSource");
            children = List.copyOf(children);
            observations = List.copyOf(observations);
        }
    }

    /**
     * The tag resolves to a digest the caller already has ({@link KnownDigests}): one {@code HEAD}, nothing fetched.
     */
    record Known(String digest, PullSource usedSource, List<Observation> observations) implements FetchResult {
        public Known {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(usedSource, "usedSource");
            observations = List.copyOf(observations);
        }
    }

    /** The import failed: policy rejection, or every pull source failed (see {@link FetchFailures}). */
    record Failed(FailureReason reason, String message, List<Observation> observations) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            observations = List.copyOf(observations);
        }
    }
}
