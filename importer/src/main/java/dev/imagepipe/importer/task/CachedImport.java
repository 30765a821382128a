package dev.imagepipe.importer.task;

import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import remembered by digest, without raw manifests and configs (they are in the {@code images} topic; the cache
 * is sized in entries and should stay small).
 */
public record CachedImport(ImportedImage image, List<ImportedImage> children, Optional<PlatformSelection> selection) {

    public CachedImport {
        Objects.requireNonNull(image, "image");
        children = List.copyOf(children);
        Objects.requireNonNull(selection, "selection");
    }

    /** What to remember of an import. */
    public static CachedImport of(ImportedImage image, List<ImportedImage> children, Optional<PlatformSelection> sel) {
        return new CachedImport(
                image.withoutRawContent(),
                children.stream().map(ImportedImage::withoutRawContent).toList(),
                sel);
    }

    /** The same images named after {@code reference}, as the request that hit the cache wrote it (A5.4.7). */
    public CachedImport as(ImageReference reference) {
        return new CachedImport(
                rename(image, reference),
                children.stream().map(child -> rename(child, reference)).toList(),
                selection);
    }

    private static ImportedImage rename(ImportedImage image, ImageReference reference) {
        return image.withDockerImageReference(reference.withDigest(image.name()).exact());
    }
}
