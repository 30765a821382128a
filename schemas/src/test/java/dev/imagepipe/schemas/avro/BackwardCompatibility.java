package dev.imagepipe.schemas.avro;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * The schema-evolution rule of every topic: BACKWARD, as the schema registry checks it. Consumers
 * on the current schema must read everything written with the released one, so the current schema
 * is the reader and the released one the writer.
 */
final class BackwardCompatibility {

    private BackwardCompatibility() {}

    static SchemaCompatibilityResult check(Schema current, Schema released) {
        return SchemaCompatibility.checkReaderWriterCompatibility(current, released)
                .getResult();
    }
}
