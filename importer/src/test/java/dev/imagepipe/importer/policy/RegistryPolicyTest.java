package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryPolicyTest {

    @Test
    void privateHostsAreTheNamedHostsWithoutWildcardsPortsOrBlockedOnes() {
        RegistryPolicy policy = new RegistryPolicy(
                List.of(
                        new AllowedRegistry("registry.corp:5000", false),
                        new AllowedRegistry("*.corp", false),
                        new AllowedRegistry("r?.corp", true)),
                List.of("blocked.corp"),
                List.of("insecure.lab/ns", "*.lab"),
                List.of("allowed.corp"),
                List.of(new MirrorSet("quay.io/openshift", List.of("mirror.corp/openshift4"), false)),
                Optional.of("image-registry.openshift-image-registry.svc:5000"),
                Optional.empty());

        assertThat(policy.registryHostsAllowedPrivate())
                .containsExactlyInAnyOrder(
                        "registry.corp",
                        "allowed.corp",
                        "insecure.lab",
                        "quay.io",
                        "mirror.corp",
                        "image-registry.openshift-image-registry.svc");
    }

    @Test
    void allowAllPolicyNamesNoHosts() {
        assertThat(RegistryPolicy.allowAll().registryHostsAllowedPrivate()).isEmpty();
    }
}
