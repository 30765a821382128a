package dev.imagepipe.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Rules that keep every schema safe to evolve BACKWARD; checked on the generated classes' schemas. */
class SchemaLintTest {

    /** Names of fields that hold an instant; each must be timestamp-millis. */
    private static final Pattern TIME_FIELD =
            Pattern.compile("created|.*(At|Time|Timestamp|Since|Due)|valid(From|Until)");

    /** Credentials come from docker-config files, never from topics (DESIGN.md, importer). */
    private static final Pattern CREDENTIAL_FIELD =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|auth(?!or)).*");

    @Test
    void everyAvscFileDefinesOneTypeNamedAfterItInTheProjectNamespace() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String name : SchemaCatalog.sourceNames()) {
            JsonNode file = json.readTree(
                    SchemaCatalog.SOURCE_DIRECTORY.resolve(name + ".avsc").toFile());

            assertThat(file.path("name").asText()).as(name).isEqualTo(name);
            assertThat(file.path("namespace").asText()).as(name).isEqualTo(SchemaCatalog.NAMESPACE);
            assertThat(SchemaCatalog.generatedSchema(name).getFullName())
                    .isEqualTo(SchemaCatalog.NAMESPACE + "." + name);
        }
    }

    @Test
    void everyEnumHasADefaultSymbolForReadersThatMeetNewSymbols() {
        assertThat(SchemaCatalog.all())
                .filteredOn(schema -> schema.getType() == Schema.Type.ENUM)
                .isNotEmpty()
                .allSatisfy(schema ->
                        assertThat(schema.getEnumDefault()).as(schema.getName()).isNotNull());
    }

    @Test
    void everyUnionIsNullFirstWithDefaultNull() {
        assertThat(violations((field, problems) -> {
                    if (field.schema().getType() != Schema.Type.UNION) {
                        return;
                    }
                    List<Schema> branches = field.schema().getTypes();
                    if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                        problems.add("union is not [null, X]");
                    }
                    if (field.defaultVal() != JsonProperties.NULL_VALUE) {
                        problems.add("union default is not null");
                    }
                }))
                .isEmpty();
    }

    @Test
    void everyArrayDefaultsToEmptyEveryMapToEmptyAndEveryBooleanHasADefault() {
        assertThat(violations((field, problems) -> {
                    Schema.Type type = field.schema().getType();
                    if (type == Schema.Type.ARRAY && !isEmptyCollection(field.defaultVal())) {
                        problems.add("array without default []");
                    }
                    if (type == Schema.Type.MAP && !isEmptyMap(field.defaultVal())) {
                        problems.add("map without default {}");
                    }
                    if (type == Schema.Type.BOOLEAN && !field.hasDefaultValue()) {
                        problems.add("boolean without default");
                    }
                }))
                .isEmpty();
    }

    @Test
    void everyTimeIsATimestampMillis() {
        assertThat(violations((field, problems) -> {
                    if (TIME_FIELD.matcher(field.name()).matches()
                            && !(nonNull(field.schema()).getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
                        problems.add("time field is not timestamp-millis");
                    }
                }))
                .isEmpty();
    }

    @Test
    void everyTypeAndFieldIsDocumented() {
        assertThat(SchemaCatalog.all())
                .allSatisfy(schema ->
                        assertThat(schema.getDoc()).as(schema.getName()).isNotBlank());
        assertThat(violations((field, problems) -> {
                    if (field.doc() == null || field.doc().isBlank()) {
                        problems.add("no doc");
                    }
                }))
                .isEmpty();
    }

    @Test
    void noFieldCarriesCredentials() {
        assertThat(violations((field, problems) -> {
                    if (CREDENTIAL_FIELD.matcher(field.name()).matches()) {
                        problems.add("looks like a credential");
                    }
                }))
                .isEmpty();
    }

    /** Runs a rule over the fields of every record and returns "Record.field: problem" lines. */
    private static List<String> violations(BiConsumer<Schema.Field, List<String>> rule) {
        List<String> all = new ArrayList<>();
        for (Schema schema : SchemaCatalog.all()) {
            if (schema.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : schema.getFields()) {
                List<String> problems = new ArrayList<>();
                rule.accept(field, problems);
                problems.forEach(problem -> all.add(schema.getName() + "." + field.name() + ": " + problem));
            }
        }
        return all;
    }

    private static Schema nonNull(Schema schema) {
        return schema.isNullable() && schema.getType() == Schema.Type.UNION
                ? schema.getTypes().get(1)
                : schema;
    }

    private static boolean isEmptyCollection(Object defaultValue) {
        return defaultValue instanceof Collection<?> collection && collection.isEmpty();
    }

    private static boolean isEmptyMap(Object defaultValue) {
        return defaultValue instanceof Map<?, ?> map && map.isEmpty();
    }
}
