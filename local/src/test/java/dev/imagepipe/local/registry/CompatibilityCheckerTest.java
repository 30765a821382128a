package dev.imagepipe.local.registry;

import static dev.imagepipe.local.registry.TestSchemas.INCOMPATIBLE;
import static dev.imagepipe.local.registry.TestSchemas.V1;
import static dev.imagepipe.local.registry.TestSchemas.V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    /** V2 with "note" required: backward compatible with V2 only if V1 is not checked too. */
    private static final Schema NOTE_REQUIRED_WITH_DEFAULT_DROPPED = SchemaBuilder.record("Event")
            .namespace("dev.imagepipe.test")
            .fields()
            .requiredString("name")
            .name("note")
            .type()
            .unionOf()
            .nullType()
            .and()
            .stringType()
            .endUnion()
            .noDefault()
            .endRecord();

    private static final List<StoredVersion> HISTORY =
            List.of(stored(1, V1), stored(2, NOTE_REQUIRED_WITH_DEFAULT_DROPPED));

    @Test
    void backwardChecksOnlyTheNewestVersionAndTransitiveChecksAll() {
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.BACKWARD, NOTE_REQUIRED_WITH_DEFAULT_DROPPED, HISTORY))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.BACKWARD_TRANSITIVE, NOTE_REQUIRED_WITH_DEFAULT_DROPPED, HISTORY))
                .isNotEmpty()
                .contains("{oldSchemaVersion: 1}");
    }

    @Test
    void forwardRequiresOldReadersToReadNewData() {
        List<StoredVersion> v2 = List.of(stored(1, V2));

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, V1, v2))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, V1, v2))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.FORWARD, INCOMPATIBLE, List.of(stored(1, V1))))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.FULL, INCOMPATIBLE, List.of(stored(1, V1))))
                .isNotEmpty();
    }

    @Test
    void noneAcceptsAnything() {
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.NONE, TestSchemas.OTHER, List.of(stored(1, V1))))
                .isEmpty();
    }

    private static StoredVersion stored(int version, Schema schema) {
        return new StoredVersion("events-value", version, version, schema.toString(), false);
    }
}
