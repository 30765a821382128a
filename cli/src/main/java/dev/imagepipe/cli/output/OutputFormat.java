package dev.imagepipe.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** How a command prints documents: {@code -o json}, {@code -o yaml} or the command's own table. */
public enum OutputFormat {
    table,
    json,
    yaml;

    /** kubectl's JSON layout: two-space indent, {@code "key": value}. */
    private static final ObjectWriter JSON = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    /** kubectl's YAML layout: no document marker, quotes only where YAML needs them. */
    private static final ObjectWriter YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // A tag such as 1.0 must stay a string when the output is read back.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()
            .writer();

    /**
     * The document as JSON or YAML text ending in a newline.
     *
     * @throws IllegalStateException for {@link #table}, which has no document form
     */
    public String render(JsonNode document) {
        try {
            return switch (this) {
                case json -> JSON.writeValueAsString(document) + System.lineSeparator();
                case yaml -> YAML.writeValueAsString(document);
                case table -> throw new IllegalStateException("a table is not a document format");
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
