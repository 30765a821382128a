package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.Map;
import java.util.Optional;

/**
 * Whether images must carry a trusted signature (policy {@code signatureRequirements}): the most specific scope covering
 * the image's repository decides, with {@link TrustPolicy}'s specificity, so a repository can opt out of a
 * registry-wide requirement. No covering scope means no requirement, the schema's default.
 */
public final class SignatureRequirements {

    /** No scope requires anything. */
    public static final SignatureRequirements NONE = new SignatureRequirements(Map.of());

    private final Map<RegistryScope, Boolean> byScope;

    /** @param byScope {@code requireTrustedSignature} per scope */
    public SignatureRequirements(Map<RegistryScope, Boolean> byScope) {
        this.byScope = Map.copyOf(byScope);
    }

    /** The scope deciding for {@code image}, if any covers it. */
    public Optional<RegistryScope> decidingScope(DockerReference image) {
        return byScope.keySet().stream()
                .filter(scope -> scope.contains(image.name()))
                .max(TrustPolicy.SPECIFICITY);
    }

    /** Whether images of {@code image}'s repository need at least one {@code Trusted=True} signature. */
    public boolean requiresTrustedSignature(DockerReference image) {
        return decidingScope(image).map(byScope::get).orElse(false);
    }
}
