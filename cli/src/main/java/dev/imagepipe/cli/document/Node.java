package dev.imagepipe.cli.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value of a parsed YAML or JSON document together with where it sits ({@code spec.images[0].from}), so every
 * conversion can fail with a {@link DocumentException} naming the path. Conversions are strict: a quoted
 * {@code "true"} is not a boolean and {@code 5} is not a string, as in Kubernetes' own decoding.
 */
public final class Node {

    private final String source;
    private final String path;
    private final JsonNode value;

    Node(String source, String path, JsonNode value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    /** The file as the user named it. */
    public String source() {
        return source;
    }

    /** Where this value sits; empty for the document root. */
    public String path() {
        return path;
    }

    /** An error about this value. */
    public DocumentException error(String problem) {
        return new DocumentException(source, path, problem);
    }

    /** This value as a mapping whose keys must all be in {@code known}. */
    public Fields fields(Set<String> known) {
        if (!value.isObject()) {
            throw error("expected a mapping");
        }
        for (var names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw child(name, value.get(name)).error("unknown field; expected one of " + sorted(known));
            }
        }
        return new Fields(this);
    }

    /** Every key of this mapping in document order, for checks that look at all of them. */
    public List<Node> entries() {
        List<Node> entries = new ArrayList<>();
        if (value.isObject()) {
            value.properties().forEach(e -> entries.add(child(e.getKey(), e.getValue())));
        } else if (value.isArray()) {
            entries.addAll(list());
        }
        return entries;
    }

    /** The last path element: the key of a mapping entry. */
    public String key() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public String string() {
        if (!value.isTextual()) {
            throw error("expected a string");
        }
        return value.textValue();
    }

    /** A string that must not be empty or blank. */
    public String nonEmptyString() {
        String text = string();
        if (text.isBlank()) {
            throw error("must not be empty");
        }
        return text;
    }

    public boolean bool() {
        if (!value.isBoolean()) {
            throw error("expected true or false");
        }
        return value.booleanValue();
    }

    public int integer() {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error("expected an integer");
        }
        return value.intValue();
    }

    /** An RFC 3339 timestamp such as {@code 2025-01-31T00:00:00Z}. */
    public Instant timestamp() {
        String text = string();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error("expected an RFC 3339 timestamp such as 2025-01-31T00:00:00Z");
        }
    }

    /** One of {@code allowed}, spelled exactly as the API spells it; the error lists them in the given order. */
    public <E extends Enum<E>> E oneOf(List<E> allowed) {
        String text = string();
        for (E constant : allowed) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw error("expected one of "
                + String.join(", ", allowed.stream().map(Enum::name).toList()));
    }

    public List<Node> list() {
        if (!value.isArray()) {
            throw error("expected a list");
        }
        List<Node> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(new Node(source, path + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    public List<String> strings() {
        return list().stream().map(Node::string).toList();
    }

    /** A mapping of strings to strings, as labels and annotations are. */
    public Map<String, String> stringMap() {
        if (!value.isObject()) {
            throw error("expected a mapping");
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties()
                .forEach(
                        e -> map.put(e.getKey(), child(e.getKey(), e.getValue()).string()));
        return map;
    }

    Node child(String name, JsonNode child) {
        return new Node(source, path.isEmpty() ? name : path + "." + name, child);
    }

    JsonNode value() {
        return value;
    }

    private static String sorted(Set<String> names) {
        String[] array = names.toArray(String[]::new);
        Arrays.sort(array);
        return String.join(", ", array);
    }
}
