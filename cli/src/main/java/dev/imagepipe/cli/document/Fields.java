package dev.imagepipe.cli.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a mapping whose keys were already checked against the known set. A field written as {@code null} or
 * left out counts as absent, as Kubernetes decodes it.
 */
public final class Fields {

    private final Node mapping;

    Fields(Node mapping) {
        this.mapping = mapping;
    }

    /** The mapping itself, for errors about a missing field. */
    public Node node() {
        return mapping;
    }

    /** The field's value, unless absent or null. */
    public Optional<Node> get(String name) {
        JsonNode child = mapping.value().get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(mapping.child(name, child));
    }

    /** The field's value; a {@link DocumentException} naming it when absent. */
    public Node required(String name) {
        return get(name).orElseThrow(() -> mapping.child(name, mapping.value().get(name))
                .error("required"));
    }

    public Optional<String> string(String name) {
        return get(name).map(Node::string);
    }

    public boolean bool(String name, boolean absent) {
        return get(name).map(Node::bool).orElse(absent);
    }

    public int integer(String name, int absent) {
        return get(name).map(Node::integer).orElse(absent);
    }

    public List<String> strings(String name) {
        return get(name).map(Node::strings).orElse(List.of());
    }

    public List<Node> list(String name) {
        return get(name).map(Node::list).orElse(List.of());
    }
}
