package dev.imagepipe.local.registry;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The registry's normal form of a schema, which decides whether two schemas are "the same" (same id, same
 * version): Avro parses the text and writes it back with {@link Schema#toString()}. Like Confluent's registry
 * without {@code normalize=true}, this ignores whitespace and JSON key order and keeps everything that Avro keeps:
 * defaults, logical types, docs, aliases and custom properties. Parsing Canonical Form was not used because it
 * drops defaults and logical types, so two schemas that resolve differently would share an id.
 */
record SchemaText(Schema schema, String normal) {

    /**
     * Parses schema text as sent in a request.
     *
     * @throws RegistryError 42201 when it is not a valid Avro schema
     */
    static SchemaText parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new SchemaText(schema, schema.toString());
        } catch (AvroRuntimeException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }
}
