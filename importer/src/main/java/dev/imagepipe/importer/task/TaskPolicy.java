package dev.imagepipe.importer.task;

import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.signature.SignatureStores;
import java.util.Objects;

/** The parts of the import policy in force when a task starts: where it may fetch from, and where signatures live. */
public record TaskPolicy(RegistryPolicy registry, SignatureStores signatureStores) {

    public TaskPolicy {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(signatureStores, "signatureStores");
    }

    public static TaskPolicy allowAll() {
        return new TaskPolicy(RegistryPolicy.allowAll(), SignatureStores.none());
    }
}
