package dev.imagepipe.importer.request;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import java.util.Objects;

/**
 * One fetch an import request needs. Spec images asking for the same thing share one (A6.1).
 *
 * @param taskIndex position in the plan: spec images first, in order of first appearance, then the repository
 * @param from the reference as written, the source of every {@code dockerImageReference}
 * @param repositoryImport whether this lists the repository's tags and imports the first ones (A9)
 * @param specIndexes the {@code spec.images} indexes answered, ascending; empty for the repository import
 */
public record PlannedFetch(
        int taskIndex,
        String from,
        boolean repositoryImport,
        List<Integer> specIndexes,
        ImportMode mode,
        boolean insecure) {

    public PlannedFetch {
        Objects.requireNonNull(from, "from");
        specIndexes = List.copyOf(specIndexes);
        Objects.requireNonNull(mode, "mode");
    }

    /** The canonical repository, on which tasks are partitioned so one repository's fetches share caches. */
    public String repositoryKey() {
        return ImageReference.parse(from).repositoryKey();
    }
}
