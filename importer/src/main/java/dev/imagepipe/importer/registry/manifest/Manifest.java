package dev.imagepipe.importer.registry.manifest;

/**
 * A parsed image manifest of one of the formats the importer understands; build with {@link Manifests#parse}. Every
 * format keeps the exact bytes received, because digests and the {@code dockerImageManifest} field are over those
 * bytes and re-serialising would change them.
 */
public sealed interface Manifest permits PlatformManifest, ManifestList, DockerSchema1Manifest {

    /** The media type this manifest was parsed as (the negotiated type, or the body's own {@code mediaType}). */
    String mediaType();

    /** A copy of the bytes as received. */
    byte[] raw();

    /** The bytes the manifest digest covers: the bytes received, except signed schema 1 (its canonical payload). */
    default byte[] digestedBytes() {
        return raw();
    }

    /** The sha256 digest of {@link #digestedBytes()}: the manifest's name unless the registry uses another algorithm. */
    default Digest digest() {
        return Digest.sha256(digestedBytes());
    }
}
