package dev.imagepipe.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every topic value schema must stay BACKWARD compatible with its released version, kept in {@code
 * src/test/resources/compat/<Name>.avsc} as {@code Schema.toString(true)} of the generated class. A
 * release replaces the baseline; an incompatible change needs a new topic, not a new baseline.
 */
class SchemaEvolutionGuardTest {

    private static final Path BASELINE_DIRECTORY = Path.of("src/test/resources/compat");

    static Stream<String> topicValueNames() {
        return SchemaCatalog.topicValues().stream().map(Schema::getName);
    }

    @ParameterizedTest
    @MethodSource("topicValueNames")
    void currentSchemaReadsEverythingWrittenWithTheReleasedSchema(String name) {
        Schema current = SchemaCatalog.generatedSchema(name);

        SchemaCompatibilityResult result = BackwardCompatibility.check(current, released(name));

        assertThat(result.getCompatibility())
                .as("%s is not BACKWARD compatible with its release: %s", name, result.getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void everyTopicValueSchemaHasAReleasedBaseline() {
        List<String> missing = topicValueNames()
                .filter(name -> SchemaEvolutionGuardTest.class.getResource(resource(name)) == null)
                .toList();

        assertThat(missing)
                .as("write Schema.toString(true) of each to %s/<Name>.avsc", BASELINE_DIRECTORY)
                .isEmpty();
    }

    @Test
    void everyReleasedBaselineBelongsToATopicValueSchema() throws IOException {
        List<String> topicValues = topicValueNames().toList();
        try (Stream<Path> files = Files.list(BASELINE_DIRECTORY)) {
            assertThat(files.map(file -> file.getFileName().toString().replace(".avsc", "")))
                    .allMatch(topicValues::contains);
        }
    }

    @Test
    void guardReportsAFieldAddedWithoutDefaultAsIncompatible() {
        Schema released = released("DeadLetter");
        Schema current = withField(released, new Schema.Field("attempts", Schema.create(Schema.Type.INT), "doc"));

        SchemaCompatibilityResult result = BackwardCompatibility.check(current, released);

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(result.getIncompatibilities()).anySatisfy(incompatibility -> assertThat(incompatibility.getMessage())
                .contains("attempts"));
    }

    @Test
    void guardAcceptsAnOptionalFieldAddedWithNullDefault() {
        Schema released = released("DeadLetter");
        Schema optionalInt = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT));
        Schema current =
                withField(released, new Schema.Field("attempts", optionalInt, "doc", JsonProperties.NULL_VALUE));

        assertThat(BackwardCompatibility.check(current, released).getCompatibility())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static Schema released(String name) {
        try (InputStream in = SchemaEvolutionGuardTest.class.getResourceAsStream(resource(name))) {
            assertThat(in).as("released baseline %s", resource(name)).isNotNull();
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        return "/compat/" + name + ".avsc";
    }

    private static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(added);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
