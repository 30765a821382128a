package dev.imagepipe.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns a generated Avro record into Kubernetes-style JSON: the schema's field names (which are the OpenShift API's),
 * nulls and empty lists/maps left out (the API's {@code omitempty}), timestamps as RFC 3339, bytes as base64, enums
 * by symbol.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {}

    /** The record as a JSON object, fields in schema order. */
    public static ObjectNode object(SpecificRecord record) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            JsonNode value = value(record.get(field.pos()));
            if (value != null) {
                object.set(field.name(), value);
            }
        }
        return object;
    }

    /** A value as JSON; {@code null} for values the output leaves out. */
    static JsonNode value(Object value) {
        return switch (value) {
            case null -> null;
            case SpecificRecord record -> object(record);
            case List<?> list -> list.isEmpty() ? null : array(list);
            case Map<?, ?> map -> map.isEmpty() ? null : map(map);
            case CharSequence text -> NODES.textNode(text.toString());
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Instant instant -> NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(instant));
            case Enum<?> symbol -> NODES.textNode(symbol.name());
            case GenericEnumSymbol<?> symbol -> NODES.textNode(symbol.toString());
            case ByteBuffer bytes -> NODES.textNode(base64(bytes));
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        };
    }

    private static ArrayNode array(List<?> list) {
        ArrayNode array = NODES.arrayNode(list.size());
        list.forEach(item -> array.add(value(item)));
        return array;
    }

    private static ObjectNode map(Map<?, ?> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, item) -> object.set(key.toString(), value(item)));
        return object;
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
