package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import java.util.List;
import java.util.Optional;

/**
 * The policy check the import topology runs per image: given the requested reference and the request's
 * {@code insecure} flag, either the ordered pull sources or the rejection. Built once per policy; immutable and
 * thread-safe.
 *
 * <p>Checks, in order: the reference names a repository; its registry is in {@code allowedRegistriesForImport}
 * (matched as OpenShift does for imports: {@code host:port} with port 80 for insecure requests, 443 otherwise, A3.7);
 * at least one pull source (mirrors, then the source) is outside the blocked scopes.
 */
public final class ImportPolicyGate {

    private final AllowList allowList;
    private final PullSources pullSources;

    /**
     * @throws IllegalArgumentException when the policy holds an invalid allow-list entry or registry scope
     */
    public ImportPolicyGate(RegistryPolicy policy) {
        this.allowList = AllowList.forPolicy(policy.allowedRegistriesForImport(), policy.internalRegistryHostname());
        this.pullSources = new PullSources(
                MirrorResolver.of(policy.digestMirrors()),
                new RegistrySources(policy.blockedRegistries(), policy.insecureRegistries()));
    }

    public GateDecision evaluate(ImageReference reference, boolean insecure) {
        if (reference.name().isEmpty()) {
            return new GateDecision.Rejected(
                    FailureReason.INVALID_REFERENCE,
                    "invalid image reference \"" + reference.exact() + "\": it names a registry but no repository");
        }
        String hostPort = ImageReference.withDefaultPort(reference.registryHost(), insecure);
        Optional<String> notAllowed = allowList.rejection(hostPort, AllowList.Transport.SECURE);
        if (notAllowed.isPresent()) {
            return new GateDecision.Rejected(
                    FailureReason.NOT_ALLOWED,
                    "importing images from registry \"" + hostPort + "\" is forbidden: " + notAllowed.get());
        }
        List<PullSource> sources = pullSources.forReference(reference, insecure);
        if (sources.isEmpty()) {
            return new GateDecision.Rejected(
                    FailureReason.BLOCKED, "forbidden: registry " + reference.registryHost() + " blocked");
        }
        return new GateDecision.Admitted(sources);
    }
}
