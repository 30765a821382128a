package dev.imagepipe.importer.fetch;

/** How a manifest list is imported (A8): as the one chosen platform, or kept as a list with every child. */
public enum ImportMode {
    /** The chosen child is the Image; the list digest is recorded nowhere (A8.1). */
    LEGACY,
    /** The list is the Image and every child is fetched by digest and converted; any child failure fails all (A8.2). */
    PRESERVE_ORIGINAL
}
