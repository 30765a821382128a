package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imagepipe.importer.registry.MediaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker image manifest schema 1, signed ({@code v1+prettyjws}) or unsigned ({@code v1+json}). Layers are listed top
 * first; {@code history[i].v1Compatibility} describes {@code fsLayers[i]}. A signed manifest's digest covers its
 * canonical payload (signatures stripped, {@link #digestedBytes()}), not the bytes received.
 *
 * @param mediaType the media type it was parsed as
 * @param name the repository name it declares
 * @param tag the tag it declares
 * @param architecture the architecture it declares
 * @param fsLayers the layer blob digests, top layer first
 * @param v1Compatibility each history entry's raw {@code v1Compatibility} JSON, parallel to {@code fsLayers}
 * @param signatureCount how many JWS signatures it carries (0 when unsigned)
 * @param payload the bytes the digest covers
 * @param raw the bytes as received
 */
public record DockerSchema1Manifest(
        String mediaType,
        String name,
        String tag,
        String architecture,
        List<Digest> fsLayers,
        List<String> v1Compatibility,
        int signatureCount,
        byte[] payload,
        byte[] raw)
        implements Manifest {

    /** The media type schema 1 layers are reported with (distribution {@code schema1.MediaTypeManifestLayer}). */
    public static final String LAYER_MEDIA_TYPE = "application/vnd.docker.container.image.rootfs.diff+x-gtar";

    public DockerSchema1Manifest {
        fsLayers = List.copyOf(fsLayers);
        v1Compatibility = List.copyOf(v1Compatibility);
        payload = payload.clone();
        raw = raw.clone();
    }

    /** Parses {@code body}; it is treated as signed when it has a {@code signatures} member or the type says so. */
    public static DockerSchema1Manifest parse(String mediaType, byte[] body) {
        String what = "schema 1 manifest";
        JsonNode json = Json.read(body, what);
        JsonNode signatures = json.get("signatures");
        boolean signed = MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(mediaType) || signatures != null;
        byte[] payload = signed ? JwsPayload.canonical(signatures, body) : body;
        List<Digest> layers = new ArrayList<>();
        for (JsonNode layer : json.path("fsLayers")) {
            String blobSum = Json.text(layer, "blobSum");
            try {
                layers.add(Digest.parse(blobSum == null ? "" : blobSum));
            } catch (IllegalArgumentException e) {
                throw Json.malformed(what, e.getMessage());
            }
        }
        List<String> history = new ArrayList<>();
        json.path("history")
                .forEach(entry -> history.add(entry.path("v1Compatibility").asText("")));
        return new DockerSchema1Manifest(
                mediaType,
                Json.text(json, "name"),
                Json.text(json, "tag"),
                Json.text(json, "architecture"),
                layers,
                history,
                signed ? signatures.size() : 0,
                payload,
                body);
    }

    public boolean signed() {
        return signatureCount > 0;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public byte[] digestedBytes() {
        return payload.clone();
    }
}
