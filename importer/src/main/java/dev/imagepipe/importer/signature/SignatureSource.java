package dev.imagepipe.importer.signature;

/** Where a signature was found (A14.2). */
public enum SignatureSource {
    /** A registries.d lookaside store: {@code <base>/<repo>@sha256=<hex>/signature-<n>}. */
    LOOKASIDE,
    /** The registry signature extension API: {@code GET /extensions/v2/<repo>/signatures/<digest>}. */
    REGISTRY_EXTENSION,
    /** A cosign signature manifest at tag {@code sha256-<hex>.sig}. */
    COSIGN_TAG
}
