package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * OCI image index ({@code application/vnd.oci.image.index.v1+json}).
 *
 * @param mediaType the media type it was parsed as
 * @param manifests the entries in index order
 * @param annotations the list's annotations; empty when none
 * @param raw the bytes as received
 */
public record OciIndex(String mediaType, List<Descriptor> manifests, Map<String, String> annotations, byte[] raw)
        implements ManifestList {

    public OciIndex {
        manifests = List.copyOf(manifests);
        annotations = Map.copyOf(annotations);
        raw = raw.clone();
    }

    public static OciIndex parse(String mediaType, byte[] body) {
        String what = mediaType + " manifest";
        JsonNode json = Json.read(body, what);
        return new OciIndex(
                mediaType,
                Json.descriptors(json.get("manifests"), what),
                Json.stringMap(json.get("annotations")),
                body);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
