package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Docker image manifest schema 2 ({@code application/vnd.docker.distribution.manifest.v2+json}).
 *
 * @param mediaType the media type it was parsed as
 * @param config the config blob descriptor
 * @param layers the layer descriptors, base first
 * @param annotations the manifest's annotations; empty when none
 * @param raw the bytes as received
 */
public record DockerManifest(
        String mediaType, Descriptor config, List<Descriptor> layers, Map<String, String> annotations, byte[] raw)
        implements PlatformManifest {

    public DockerManifest {
        layers = List.copyOf(layers);
        annotations = Map.copyOf(annotations);
        raw = raw.clone();
    }

    /** Parses {@code body}; a missing or malformed config descriptor is a malformed-body failure. */
    public static DockerManifest parse(String mediaType, byte[] body) {
        String what = mediaType + " manifest";
        JsonNode json = Json.read(body, what);
        return new DockerManifest(
                mediaType,
                Json.descriptor(json.get("config"), what),
                Json.descriptors(json.get("layers"), what),
                Json.stringMap(json.get("annotations")),
                body);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
