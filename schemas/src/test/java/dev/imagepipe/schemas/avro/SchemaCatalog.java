package dev.imagepipe.schemas.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Every schema of {@code src/main/avro}, read back from the class generated for it, so the tests see
 * exactly what producers and consumers use. A schema whose record carries the {@value #TOPIC_PROPERTY}
 * property is the value of that topic.
 */
final class SchemaCatalog {

    /** Property on a record schema naming the topic (without prefix) whose values it describes. */
    static final String TOPIC_PROPERTY = "imagepipe.topic";

    static final String NAMESPACE = "dev.imagepipe.schemas.avro";

    /** Surefire runs in the module directory. */
    static final Path SOURCE_DIRECTORY = Path.of("src/main/avro");

    private SchemaCatalog() {}

    /** The file names (without .avsc) under {@link #SOURCE_DIRECTORY}, sorted. */
    static List<String> sourceNames() {
        try (Stream<Path> files = Files.list(SOURCE_DIRECTORY)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".avsc"))
                    .map(name -> name.substring(0, name.length() - ".avsc".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of every .avsc file, taken from its generated class. */
    static List<Schema> all() {
        return sourceNames().stream().map(SchemaCatalog::generatedSchema).toList();
    }

    /** The schemas that are the value of a topic. */
    static List<Schema> topicValues() {
        return all().stream()
                .filter(schema -> schema.getProp(TOPIC_PROPERTY) != null)
                .toList();
    }

    static Schema generatedSchema(String name) {
        try {
            return SpecificData.get().getSchema(Class.forName(NAMESPACE + "." + name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class generated for " + name + ".avsc", e);
        }
    }
}
