package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.policy.AllowList;
import dev.imagepipe.importer.policy.MirrorResolver;
import dev.imagepipe.importer.policy.PullSources;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.policy.RegistryScope;
import dev.imagepipe.importer.policy.RegistrySources;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.tagger.signature.DockerReference;
import dev.imagepipe.tagger.signature.SignatureRequirements;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The import policy as a review applies it to an image's source: the importer's allow-list and blocked registries, and
 * the signature requirements, or the reason the policy cannot be applied at all.
 */
public sealed interface ReviewPolicy {

    /** The policy's name, its key on the {@code policy} topic. */
    String name();

    /**
     * The rules of policy {@code name}. Never throws: a policy with an invalid allow-list entry or scope comes back
     * {@link Invalid}, so a bad policy record denies with its reason instead of stopping the view.
     *
     * @param signatureRequirements {@code requireTrustedSignature} per scope as configured
     */
    static ReviewPolicy of(String name, RegistryPolicy registry, Map<String, Boolean> signatureRequirements) {
        try {
            Map<RegistryScope, Boolean> byScope = new LinkedHashMap<>();
            signatureRequirements.forEach((scope, required) -> byScope.put(new RegistryScope(scope), required));
            return new Rules(
                    name,
                    AllowList.forPolicy(registry.allowedRegistriesForImport(), registry.internalRegistryHostname()),
                    new PullSources(
                            MirrorResolver.of(registry.digestMirrors()),
                            new RegistrySources(registry.blockedRegistries(), registry.insecureRegistries())),
                    new SignatureRequirements(byScope));
        } catch (IllegalArgumentException e) {
            return new Invalid(name, e.getMessage());
        }
    }

    /**
     * What applies while the {@code policy} topic holds no policy of the configured name: every registry allowed and
     * no signature required, the importer's own default, so the webhook admits exactly what the importer would import.
     */
    static ReviewPolicy importerDefault(String name) {
        return of(name, RegistryPolicy.allowAll(), Map.of());
    }

    /** Rules to judge images by. */
    record Rules(String name, AllowList allowList, PullSources pullSources, SignatureRequirements signatures)
            implements ReviewPolicy {

        public Rules {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(allowList, "allowList");
            Objects.requireNonNull(pullSources, "pullSources");
            Objects.requireNonNull(signatures, "signatures");
        }

        /**
         * Why {@code source}'s registry is not allowed, or empty. Matched as OpenShift validates references already in
         * a stream's status (A3.5): transport "any", so a bare host matches a secure or an insecure entry.
         */
        public Optional<String> notAllowed(ImageReference source) {
            return allowList.rejection(source.registry(), AllowList.Transport.ANY);
        }

        /**
         * Whether {@code source} lies in a blocked scope with no unblocked mirror: the importer's own test, so an image
         * it may import through a mirror of a blocked source is not denied here either.
         */
        public boolean blocked(ImageReference source) {
            return pullSources.forReference(source, false).isEmpty();
        }

        /** The scope that requires a Trusted signature for {@code repository}, if the deciding scope does. */
        public Optional<RegistryScope> signatureRequiredBy(DockerReference repository) {
            return signatures.requiresTrustedSignature(repository)
                    ? signatures.decidingScope(repository)
                    : Optional.empty();
        }
    }

    /**
     * A policy that cannot be applied.
     *
     * @param problem what is wrong with it, e.g. an invalid registry scope
     */
    record Invalid(String name, String problem) implements ReviewPolicy {

        public Invalid {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
