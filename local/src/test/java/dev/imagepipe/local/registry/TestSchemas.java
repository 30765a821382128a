package dev.imagepipe.local.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Versions of one record schema: V2 evolves V1 compatibly, INCOMPATIBLE adds a field without a default. */
final class TestSchemas {

    static final Schema V1 = SchemaBuilder.record("Event")
            .namespace("dev.imagepipe.test")
            .fields()
            .requiredString("name")
            .endRecord();

    static final Schema V2 = SchemaBuilder.record("Event")
            .namespace("dev.imagepipe.test")
            .fields()
            .requiredString("name")
            .optionalString("note")
            .endRecord();

    static final Schema INCOMPATIBLE = SchemaBuilder.record("Event")
            .namespace("dev.imagepipe.test")
            .fields()
            .requiredString("name")
            .requiredInt("size")
            .endRecord();

    static final Schema OTHER = SchemaBuilder.record("Other")
            .namespace("dev.imagepipe.test")
            .fields()
            .requiredLong("count")
            .endRecord();

    private TestSchemas() {}
}
