package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.policy.AllowedRegistry;
import dev.imagepipe.importer.policy.MirrorSet;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.signature.SignatureStores;
import dev.imagepipe.importer.task.TaskPolicy;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistrySources;
import java.util.List;
import java.util.Optional;

/**
 * Maps the Avro {@code ImportPolicy} to the domain policy the fetch tasks run under. The registry part is public so
 * other apps that judge images by the same policy (the auditor's ImageReview webhook) read it the same way.
 */
public final class AvroPolicies {

    private AvroPolicies() {}

    static TaskPolicy toDomain(ImportPolicy policy) {
        SignatureStores stores = SignatureStores.of(policy.getSignatureStores().stream()
                .map(store -> new SignatureStores.Store(store.getScope(), store.getLookasideUrl()))
                .toList());
        return new TaskPolicy(registryPolicy(policy), stores);
    }

    /**
     * The registry side of {@code policy}: allow-list, registry sources, mirrors, internal registry and trusted CA.
     * Does not validate entries; {@link dev.imagepipe.importer.policy.ImportPolicyGate} and the classes it builds
     * reject invalid ones.
     */
    public static RegistryPolicy registryPolicy(ImportPolicy policy) {
        RegistrySources sources = policy.getRegistrySources();
        return new RegistryPolicy(
                policy.getAllowedRegistriesForImport().stream()
                        .map(location -> new AllowedRegistry(location.getDomainName(), location.getInsecure()))
                        .toList(),
                sources == null ? List.of() : sources.getBlockedRegistries(),
                sources == null ? List.of() : sources.getInsecureRegistries(),
                sources == null ? List.of() : sources.getAllowedRegistries(),
                policy.getRepositoryDigestMirrors().stream()
                        .map(set -> new MirrorSet(set.getSource(), set.getMirrors(), set.getAllowMirrorByTags()))
                        .toList(),
                Optional.ofNullable(policy.getInternalRegistryHostname()),
                Optional.ofNullable(policy.getAdditionalTrustedCA()));
    }
}
