package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading manifest and config JSON leniently (unknown fields ignored), failing as a malformed body. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode read(byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw malformed(what, "not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw malformed(what, e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    static RegistryException malformed(String what, String detail) {
        return new RegistryException(FailureReason.INTEGRITY_MISMATCH, "malformed " + what + ": " + detail);
    }

    /** The text of {@code field}, or {@code null} when absent, null or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> strings.add(element.asText()));
        }
        return List.copyOf(strings);
    }

    /** A JSON object of strings, in document order. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    /** The keys of a JSON object used as a set ({@code ExposedPorts}, {@code Volumes}), in document order. */
    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        return List.copyOf(keys);
    }

    static Descriptor descriptor(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw malformed(what, "missing descriptor");
        }
        String digest = text(node, "digest");
        if (digest == null) {
            throw malformed(what, "descriptor without digest");
        }
        try {
            JsonNode platform = node.get("platform");
            return new Descriptor(
                    text(node, "mediaType"),
                    Digest.parse(digest),
                    node.path("size").asLong(0),
                    stringMap(node.get("annotations")),
                    platform == null || !platform.isObject()
                            ? null
                            : new ManifestPlatform(
                                    text(platform, "os"), text(platform, "architecture"), text(platform, "variant")));
        } catch (IllegalArgumentException e) {
            throw malformed(what, e.getMessage());
        }
    }

    static List<Descriptor> descriptors(JsonNode array, String what) {
        List<Descriptor> descriptors = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> descriptors.add(descriptor(element, what)));
        }
        return List.copyOf(descriptors);
    }
}
