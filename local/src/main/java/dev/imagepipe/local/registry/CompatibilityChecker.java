package dev.imagepipe.local.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks a candidate schema against a subject's earlier versions under a {@link CompatibilityLevel}, with Avro's
 * {@link SchemaCompatibility}. The answer is a list of reasons in the shape of Confluent's verbose messages; empty
 * means compatible.
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {}

    /**
     * @param earlier the live versions to check against, oldest first; a non-transitive level uses only the last
     */
    static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<StoredVersion> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<StoredVersion> against = level.transitive() ? earlier : List.of(earlier.getLast());
        List<String> messages = new ArrayList<>();
        for (StoredVersion old : against.reversed()) {
            Schema oldSchema = new Schema.Parser().parse(old.schema());
            List<String> problems = new ArrayList<>();
            if (level.backward()) {
                problems.addAll(describe(candidate, oldSchema));
            }
            if (level.forward()) {
                problems.addAll(describe(oldSchema, candidate));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{compatibility: '" + level + "'}");
                // Confluent reports the first version that fails; the rest add noise, not information.
                return messages;
            }
        }
        return messages;
    }

    private static List<String> describe(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities()
                .stream()
                .map(CompatibilityChecker::describe)
                .toList();
    }

    private static String describe(Incompatibility i) {
        return "{errorType:'" + i.getType() + "', description:'" + i.getMessage() + "', additionalInfo:'"
                + i.getLocation() + "'}";
    }
}
