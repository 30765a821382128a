package dev.imagepipe.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered version of a subject, as the registry returns it.
 *
 * @param subject the subject name, e.g. {@code imagepipe.images-value}
 * @param id the registry-wide schema id written into every message
 * @param version the subject-local version number, starting at 1
 * @param schema the parsed Avro schema
 */
public record SchemaVersion(String subject, int id, int version, Schema schema) {
    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
