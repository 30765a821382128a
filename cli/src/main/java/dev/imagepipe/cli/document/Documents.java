package dev.imagepipe.cli.document;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a YAML or JSON document (JSON is read by the same parser, as {@code kubectl} does) into a {@link Node} rooted
 * at the document. Duplicate keys are an error rather than last-one-wins, so a policy never silently loses an entry.
 */
public final class Documents {

    /** Policies and import requests are hand-written: a megabyte is far beyond any real one and bounds memory. */
    static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .build())
            .build());

    static {
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private Documents() {}

    /**
     * The document in {@code file}, named in errors as the user wrote the path.
     *
     * @throws DocumentException when the file cannot be read or is not YAML/JSON
     */
    public static Node read(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw new DocumentException(source, "", "larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return parse(source, Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new DocumentException(source, "", "no such file");
        } catch (IOException e) {
            throw new DocumentException(source, "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * The document in {@code text}; {@code source} names it in errors.
     *
     * @throws DocumentException when the text is not YAML/JSON or is empty
     */
    public static Node parse(String source, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr();
            throw new DocumentException(source, where, "not valid YAML or JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new DocumentException(source, "", "empty document");
        }
        return new Node(source, "", root);
    }
}
