package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {

    private static final String PEM = CosignKey.generate().publicKeyPem();

    private static TrustedKey key(String name, String... scopes) {
        return TrustedKey.of(name, KeyType.COSIGN_ECDSA, PEM, scopes);
    }

    private static final TrustedKey GLOBAL = key("global");
    private static final TrustedKey WILDCARD = key("wildcard", "*.example.com");
    private static final TrustedKey NARROW_WILDCARD = key("narrow-wildcard", "*.eu.example.com");
    private static final TrustedKey REGISTRY = key("registry", "reg.eu.example.com");
    private static final TrustedKey NAMESPACE = key("namespace", "reg.eu.example.com/team");
    private static final TrustedKey REPOSITORY = key("repository", "reg.eu.example.com/team/app");
    private static final TrustedKey ALSO_NAMESPACE = key("also-namespace", "other.io", "reg.eu.example.com/team");

    private static final TrustPolicy POLICY = new TrustPolicy(
            List.of(GLOBAL, WILDCARD, NARROW_WILDCARD, REGISTRY, NAMESPACE, REPOSITORY, ALSO_NAMESPACE));

    private static List<String> inForce(String image) {
        return POLICY.keysFor(DockerReference.parse(image)).keys().stream()
                .map(TrustedKey::name)
                .toList();
    }

    @Test
    void repositoryScopeBeatsNamespaceAndRegistry() {
        assertThat(inForce("reg.eu.example.com/team/app:1")).containsExactly("repository");
    }

    @Test
    void namespaceScopeBeatsRegistryAndKeepsEveryKeyListingIt() {
        assertThat(inForce("reg.eu.example.com/team/other:1")).containsExactly("namespace", "also-namespace");
    }

    @Test
    void registryScopeBeatsWildcards() {
        assertThat(inForce("reg.eu.example.com/elsewhere/app:1")).containsExactly("registry");
    }

    @Test
    void hostScopeBeatsWildcardOfEqualLength() {
        TrustPolicy policy = new TrustPolicy(List.of(key("wildcard", "*.example.com"), key("host", "r.example.com")));

        assertThat(policy.keysFor(DockerReference.parse("r.example.com/ns/app:1"))
                        .keys())
                .extracting(TrustedKey::name)
                .containsExactly("host");
    }

    @Test
    void longerWildcardBeatsShorterWildcard() {
        assertThat(inForce("mirror.eu.example.com/team/app:1")).containsExactly("narrow-wildcard");
        assertThat(inForce("mirror.us.example.com/team/app:1")).containsExactly("wildcard");
    }

    @Test
    void keysWithoutScopesApplyOnlyWhereNoScopeCovers() {
        KeysInForce keys = POLICY.keysFor(DockerReference.parse("quay.io/ns/app:1"));

        assertThat(keys.scope()).isEmpty();
        assertThat(keys.keys()).containsExactly(GLOBAL);
    }

    @Test
    void scopesMatchWholeComponentsOnly() {
        TrustPolicy policy = new TrustPolicy(List.of(key("team", "reg.io/team")));

        assertThat(policy.keysFor(DockerReference.parse("reg.io/teammates/app:1"))
                        .keys())
                .isEmpty();
        assertThat(policy.keysFor(DockerReference.parse("reg.io.evil.com/team/app:1"))
                        .keys())
                .isEmpty();
    }

    @Test
    void dockerHubShortNamesMatchNormalizedScopes() {
        TrustPolicy policy = new TrustPolicy(List.of(key("official", "docker.io/library")));

        KeysInForce keys = policy.keysFor(DockerReference.parse("busybox:latest"));

        assertThat(keys.scope()).contains(new RegistryScope("docker.io/library"));
        assertThat(keys.keys()).extracting(TrustedKey::name).containsExactly("official");
    }

    @Test
    void noKeysWhenNothingCoversAndNoGlobalKeyExists() {
        TrustPolicy policy = new TrustPolicy(List.of(REGISTRY));

        assertThat(policy.keysFor(DockerReference.parse("quay.io/ns/app:1")))
                .isEqualTo(new KeysInForce(Optional.empty(), List.of()));
    }
}
