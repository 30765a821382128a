package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.task.TaskPolicy;
import dev.imagepipe.schemas.avro.ImportPolicy;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The import policy in force, read on the stream thread from the global store fed by the {@code policy} topic, with
 * the configured defaults while the topic holds no policy of that name. The last mapping is kept: policies change
 * rarely, and mapping one parses every scope.
 */
final class PolicyView {

    /** The policy and its domain form; {@code problem} says why it could not be mapped, failing its tasks closed. */
    record Current(ImportPolicy avro, Optional<TaskPolicy> task, Optional<String> problem) {

        ImportMode defaultMode() {
            return AvroRequests.mode(avro.getDefaultImportMode());
        }

        int maxTags() {
            return avro.getMaxImagesBulkImportedPerRepository();
        }
    }

    private final ReadOnlyKeyValueStore<String, ImportPolicy> store;
    private final PolicyDefaults defaults;
    private Current last;

    PolicyView(ReadOnlyKeyValueStore<String, ImportPolicy> store, PolicyDefaults defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    Current current() {
        ImportPolicy policy = store.get(defaults.name());
        ImportPolicy effective = policy == null ? defaults.fallback() : policy;
        if (last == null || !last.avro().equals(effective)) {
            last = map(effective);
        }
        return last;
    }

    private Current map(ImportPolicy policy) {
        try {
            return new Current(policy, Optional.of(AvroPolicies.toDomain(policy)), Optional.empty());
        } catch (IllegalArgumentException e) {
            String problem = "import policy \"%s\" is invalid: %s".formatted(policy.getName(), e.getMessage());
            return new Current(policy, Optional.empty(), Optional.of(problem));
        }
    }
}
