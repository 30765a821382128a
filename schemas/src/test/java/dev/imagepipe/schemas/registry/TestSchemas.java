package dev.imagepipe.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Small schemas for registry client tests. */
final class TestSchemas {

    private TestSchemas() {}

    static Schema imageV1() {
        return SchemaBuilder.record("Image")
                .namespace("dev.imagepipe.test")
                .fields()
                .requiredString("digest")
                .endRecord();
    }

    /** v1 plus a field with a default: backward compatible. */
    static Schema imageV2() {
        return SchemaBuilder.record("Image")
                .namespace("dev.imagepipe.test")
                .fields()
                .requiredString("digest")
                .name("sizeBytes")
                .type()
                .longType()
                .longDefault(0)
                .endRecord();
    }

    /** v1 plus a required field without default: not backward compatible. */
    static Schema imageIncompatible() {
        return SchemaBuilder.record("Image")
                .namespace("dev.imagepipe.test")
                .fields()
                .requiredString("digest")
                .requiredString("mediaType")
                .endRecord();
    }
}
