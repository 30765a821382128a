package dev.imagepipe.importer.fetch;

/**
 * The caller's answer to "is this digest already imported for this request?", so a tag whose digest has not moved
 * costs one {@code HEAD} and nothing else (DESIGN.md, importer: HEAD first).
 */
@FunctionalInterface
public interface KnownDigests {

    /** Nothing is known: every fetch GETs the manifest, and no {@code HEAD} is spent first. */
    KnownDigests NONE = (request, digest) -> false;

    /**
     * @param request the fetch being made (reference as written, import mode, preferred platform)
     * @param digest the manifest digest the registry reports for the requested tag
     * @return whether an Image for that digest, imported with the same mode, already exists
     */
    boolean contains(FetchRequest request, String digest);
}
