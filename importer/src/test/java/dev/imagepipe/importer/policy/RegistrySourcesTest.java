package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrySourcesTest {

    private static boolean blocked(String scope, String reference) {
        return new RegistrySources(List.of(scope), List.of()).isBlocked(ImageReference.parse(reference));
    }

    @ParameterizedTest(name = "{0} blocks {1}: {2}")
    @CsvSource({
        "quay.io, quay.io/org/app:1, true",
        "quay.io/foo, quay.io/foo/app, true",
        "quay.io/foo, quay.io/foobar/app, false",
        "quay.io/foo, quay.io/bar/app, false",
        "*.example.com, registry.example.com/app, true",
        "*.example.com, registry.example.com:5000/app, true",
        "*.example.com, example.com/app, false",
        "quay.io, quay.io.example.com/app, false",
        "quay.io, quay.io:443/app, false",
        "localhost:5000, localhost:5000/a/b, true",
    })
    void blocksReferencesInsideHostNamespaceAndWildcardScopes(String scope, String reference, boolean expected) {
        assertThat(blocked(scope, reference)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} blocks {1}")
    @CsvSource({
        "docker.io, busybox",
        "docker.io, index.docker.io/busybox",
        "docker.io, registry-1.docker.io/library/busybox",
        "docker.io/library, busybox:1",
        "registry-1.docker.io, busybox",
        "index.docker.io, docker.io/user/app",
    })
    void treatsDockerHubNamesAsOneRegistry(String scope, String reference) {
        assertThat(blocked(scope, reference)).isTrue();
    }

    @Test
    void insecureWhenRequestedOrInsideAnInsecureScope() {
        RegistrySources sources = new RegistrySources(List.of(), List.of("*.internal", "quay.io/dev"));

        assertThat(sources.isInsecure(ImageReference.parse("r.internal/app"))).isTrue();
        assertThat(sources.isInsecure(ImageReference.parse("quay.io/dev/app"))).isTrue();
        assertThat(sources.isInsecure(ImageReference.parse("quay.io/prod/app"))).isFalse();
        assertThat(sources.isInsecure(ImageReference.parse("quay.io/prod/app"), true))
                .isTrue();
        assertThat(sources.isInsecure(ImageReference.parse("quay.io/prod/app"), false))
                .isFalse();
    }

    @Test
    void rejectsInvalidScopeInConfiguration() {
        assertThatThrownBy(() -> new RegistrySources(List.of("*example.com"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("*example.com");
    }
}
