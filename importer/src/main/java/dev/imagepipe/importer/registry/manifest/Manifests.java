package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.RegistryException;
import java.util.Locale;
import java.util.Objects;

/** Entry points: parse a manifest by its media type, and verify it against the digest it was requested by. */
public final class Manifests {

    private Manifests() {}

    /**
     * Parses {@code body} as the format of the negotiated {@code mediaType} ({@code Content-Type}, parameters
     * ignored). When that is not a manifest type (absent, {@code application/json}, ...) the body's own
     * {@code mediaType} decides; a body without one is sniffed: schema version 1 is schema 1, schema 2 with
     * {@code manifests} an OCI index, with {@code config} an OCI manifest (Docker types always declare themselves).
     *
     * @throws RegistryException {@link FailureReason#UNSUPPORTED_MEDIA_TYPE} with {@code unsupported image manifest
     *     type: <type>} for any other type; {@link FailureReason#INTEGRITY_MISMATCH} when the body is malformed
     */
    public static Manifest parse(String mediaType, byte[] body) {
        Objects.requireNonNull(body, "body");
        String negotiated = normalize(mediaType);
        String type = MediaTypes.MANIFEST_TYPES.contains(negotiated) ? negotiated : typeFromBody(negotiated, body);
        return switch (type) {
            case MediaTypes.OCI_MANIFEST -> OciManifest.parse(type, body);
            case MediaTypes.DOCKER_MANIFEST -> DockerManifest.parse(type, body);
            case MediaTypes.OCI_INDEX -> OciIndex.parse(type, body);
            case MediaTypes.DOCKER_MANIFEST_LIST -> DockerManifestList.parse(type, body);
            case MediaTypes.DOCKER_SCHEMA1, MediaTypes.DOCKER_SCHEMA1_SIGNED -> DockerSchema1Manifest.parse(type, body);
            default -> throw unsupported(type);
        };
    }

    /**
     * Checks that {@code manifest} hashes to {@code expected} (with {@code expected}'s algorithm) and returns the
     * computed digest. The hash covers {@link Manifest#digestedBytes()}: the bytes received, or the canonical payload
     * of a signed schema 1 manifest.
     *
     * @throws RegistryException {@link FailureReason#INTEGRITY_MISMATCH} when they differ
     */
    public static Digest verify(Manifest manifest, Digest expected) {
        return verifyDigest(manifest.mediaType(), manifest.digestedBytes(), expected);
    }

    /**
     * Checks raw manifest bytes of {@code mediaType} against {@code expected}: the bytes as received, except that a
     * schema 1 body is parsed so the canonical payload is hashed.
     */
    public static Digest verify(String mediaType, byte[] body, Digest expected) {
        String type = normalize(mediaType);
        if (MediaTypes.DOCKER_SCHEMA1.equals(type) || MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(type)) {
            return verify(DockerSchema1Manifest.parse(type, body), expected);
        }
        return verifyDigest(mediaType, body, expected);
    }

    private static Digest verifyDigest(String mediaType, byte[] content, Digest expected) {
        Digest computed = expected.recompute(content);
        if (!computed.equals(expected)) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    "content integrity error: the manifest retrieved (media type: %s) with digest %s does not match the digest calculated from the content %s"
                            .formatted(mediaType, expected, computed));
        }
        return computed;
    }

    /** {@code unsupported image manifest type: <type>} (A6.5). */
    public static RegistryException unsupported(String mediaType) {
        return new RegistryException(
                FailureReason.UNSUPPORTED_MEDIA_TYPE, "unsupported image manifest type: " + mediaType);
    }

    private static String typeFromBody(String negotiated, byte[] body) {
        JsonNode json;
        try {
            json = Json.read(body, "manifest");
        } catch (RegistryException notJson) {
            throw unsupported(negotiated);
        }
        String declared = Json.text(json, "mediaType");
        if (declared != null) {
            return normalize(declared);
        }
        int schemaVersion = json.path("schemaVersion").asInt(0);
        if (schemaVersion == 1) {
            return json.has("signatures") ? MediaTypes.DOCKER_SCHEMA1_SIGNED : MediaTypes.DOCKER_SCHEMA1;
        }
        if (schemaVersion == 2 && json.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (schemaVersion == 2 && json.has("config")) {
            return MediaTypes.OCI_MANIFEST;
        }
        return negotiated;
    }

    /** The bare media type: parameters ({@code ; charset=utf-8}) and surrounding space dropped, lower case. */
    static String normalize(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        String bare = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return bare.trim().toLowerCase(Locale.ROOT);
    }
}
