package dev.imagepipe.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keys and values of the {@code _schemas} topic, in the shape of Confluent's: keys {@code
 * {"keytype":"SCHEMA","subject":...,"version":...,"magic":1}} and {@code {"keytype":"CONFIG","subject":...|null,
 * "magic":0}}, values the registration ({@code subject, version, id, schema, deleted}) or {@code
 * {"compatibilityLevel"}}. Compaction keeps the newest value per key, which is all a replay needs. The topic is
 * written and read by this server only; it is not claimed to be readable by Confluent's registry.
 */
final class StoreRecordCodec {

    /** Key and value bytes of one record. */
    record Encoded(byte[] key, byte[] value) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";

    private StoreRecordCodec() {}

    static Encoded encode(StoreRecord record) {
        return switch (record) {
            case StoreRecord.SchemaRecord(StoredVersion v) -> {
                ObjectNode key = JSON.createObjectNode()
                        .put("keytype", SCHEMA)
                        .put("subject", v.subject())
                        .put("version", v.version())
                        .put("magic", 1);
                ObjectNode value = JSON.createObjectNode()
                        .put("subject", v.subject())
                        .put("version", v.version())
                        .put("id", v.id())
                        .put("schema", v.schema())
                        .put("deleted", v.deleted());
                yield new Encoded(bytes(key), bytes(value));
            }
            case StoreRecord.ConfigRecord(Optional<String> subject, CompatibilityLevel level) -> {
                ObjectNode key = JSON.createObjectNode().put("keytype", CONFIG);
                key.put("subject", subject.orElse(null)).put("magic", 0);
                ObjectNode value = JSON.createObjectNode().put("compatibilityLevel", level.name());
                yield new Encoded(bytes(key), bytes(value));
            }
        };
    }

    /**
     * Decodes one record; empty for tombstones and key types this server does not write.
     *
     * @throws IllegalArgumentException for a record that is not JSON of the expected shape
     */
    static Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null || valueBytes == null) {
            return Optional.empty();
        }
        JsonNode key = read(keyBytes);
        JsonNode value = read(valueBytes);
        return switch (key.path("keytype").asText()) {
            case SCHEMA ->
                Optional.of(new StoreRecord.SchemaRecord(new StoredVersion(
                        required(value, "subject").asText(),
                        required(value, "version").asInt(),
                        required(value, "id").asInt(),
                        required(value, "schema").asText(),
                        value.path("deleted").asBoolean(false))));
            case CONFIG -> {
                JsonNode subject = key.get("subject");
                yield Optional.of(new StoreRecord.ConfigRecord(
                        subject == null || subject.isNull() ? Optional.empty() : Optional.of(subject.asText()),
                        CompatibilityLevel.parse(
                                required(value, "compatibilityLevel").asText())));
            }
            default -> Optional.empty();
        };
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("store record without \"" + field + "\"");
        }
        return value;
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("store record is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
