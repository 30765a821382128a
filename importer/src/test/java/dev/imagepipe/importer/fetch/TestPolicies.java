package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.policy.AllowedRegistry;
import dev.imagepipe.importer.policy.MirrorSet;
import dev.imagepipe.importer.policy.RegistryPolicy;
import java.util.List;
import java.util.Optional;

/** Policies for the fetch ITs. Test registries are plain HTTP on loopback: the policy must name them. */
final class TestPolicies {

    private TestPolicies() {}

    /** Every registry allowed; {@code hostPorts} named as insecure registries, so they may be on loopback. */
    static RegistryPolicy naming(List<String> hostPorts, List<MirrorSet> mirrors) {
        return new RegistryPolicy(
                List.of(), List.of(), hostPorts, List.of(), mirrors, Optional.empty(), Optional.empty());
    }

    static RegistryPolicy naming(String hostPort) {
        return naming(List.of(hostPort), List.of());
    }

    static RegistryPolicy allowingOnly(String allowed) {
        return new RegistryPolicy(
                List.of(new AllowedRegistry(allowed, false)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    static RegistryPolicy blocking(String hostPort) {
        return new RegistryPolicy(
                List.of(), List.of(hostPort), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }
}
