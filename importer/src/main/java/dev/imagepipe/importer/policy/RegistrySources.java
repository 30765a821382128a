package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import java.util.stream.Stream;

/**
 * The blocked and insecure registries of {@code registrySources} (A4), matched by scope nesting rather than by host
 * equality: namespace scopes ({@code quay.io/foo}) and wildcard scopes ({@code *.example.com}) work, and the checks
 * apply to any reference they are given, mirrors included (DESIGN decision 2).
 *
 * <p>Docker Hub's names are treated as one registry: a scope on {@code docker.io} also covers references written
 * with {@code index.docker.io} or {@code registry-1.docker.io}, and the other way round, so the alias cannot be used
 * to get around a block.
 */
public final class RegistrySources {

    private final List<RegistryScope> blocked;
    private final List<RegistryScope> insecure;

    /** @throws IllegalArgumentException when a scope is invalid ({@link RegistryScope#isValid}) */
    public RegistrySources(List<String> blockedRegistries, List<String> insecureRegistries) {
        this.blocked = blockedRegistries.stream().map(RegistryScope::new).toList();
        this.insecure = insecureRegistries.stream().map(RegistryScope::new).toList();
    }

    /** Whether {@code reference} lies in a blocked scope. */
    public boolean isBlocked(ImageReference reference) {
        return inAny(blocked, reference);
    }

    /** Whether {@code reference} lies in an insecure scope. */
    public boolean isInsecure(ImageReference reference) {
        return inAny(insecure, reference);
    }

    /** Whether {@code reference} may be fetched insecurely: the request asked for it, or an insecure scope holds it. */
    public boolean isInsecure(ImageReference reference, boolean requestedInsecure) {
        return requestedInsecure || isInsecure(reference);
    }

    private static boolean inAny(List<RegistryScope> scopes, ImageReference reference) {
        List<String> names = namesOf(reference);
        return scopes.stream().anyMatch(scope -> names.stream().anyMatch(scope::contains));
    }

    /** The normalized name, plus its spellings under Docker Hub's other host names when it is on Docker Hub. */
    private static List<String> namesOf(ImageReference reference) {
        String name = reference.normalizedName();
        String hubPrefix = ImageReference.DOCKER_HUB + "/";
        String v2Prefix = ImageReference.DOCKER_HUB_V2 + "/";
        String rest;
        if (name.startsWith(hubPrefix)) {
            rest = name.substring(hubPrefix.length());
        } else if (name.startsWith(v2Prefix)) {
            rest = name.substring(v2Prefix.length());
        } else {
            return List.of(name);
        }
        return Stream.of(ImageReference.DOCKER_HUB, ImageReference.DOCKER_HUB_V1, ImageReference.DOCKER_HUB_V2)
                .map(host -> host + "/" + rest)
                .toList();
    }
}
