package dev.imagepipe.importer.task;

import dev.imagepipe.importer.fetch.ImportMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What was already imported, by the manifest digest a tag resolved to: a tag whose digest is found here costs one
 * {@code HEAD} (DESIGN.md, importer). Read from fetch worker threads, so implementations are thread-safe.
 */
@FunctionalInterface
public interface KnownImports {

    KnownImports NONE = key -> Optional.empty();

    Optional<CachedImport> find(Key key);

    /**
     * What a cached import is keyed on: the same digest imported in another mode, or for another platform, is a
     * different import (A8.3).
     *
     * @param digest the manifest digest the reference resolved to (the list's for a list)
     */
    record Key(String digest, ImportMode mode, Optional<String> preferArch, Optional<String> preferOs) {

        public Key {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(preferArch, "preferArch");
            Objects.requireNonNull(preferOs, "preferOs");
        }

        /** {@code digest|mode|arch|os}: the form stores key on. */
        public String asString() {
            return digest + "|" + mode + "|" + preferArch.orElse("") + "|" + preferOs.orElse("");
        }
    }
}
