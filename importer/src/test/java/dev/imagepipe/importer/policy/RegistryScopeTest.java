package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryScopeTest {

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "quay.io, example.com, false",
        "quay.io, quay.io, true",
        "quay.io:443, quay.io, false",
        "quay.io.example.com, quay.io, false",
        "quay.io2, quay.io, false",
        "quay.io/ns1/ns2/ns3, quay.io, true",
        "bar/example.foo, *.foo, false",
        "example/bar.foo:400, *.foo, false",
        "foo.example.com, *.example.com, true",
        "*.foo.example.com, *.example.com, true",
        "foo.example.com/bar, *.example.com, true",
        "foo.example.com:443/bar/baz, *.example.com, true",
        "foo.example.com, **.example.com, false",
        "foo.example.com, example.*.com, false",
        "foo.example.com, *example.com, false",
        "foo.example.com, */example.com, false",
        "foo.example.com:443/bar/baz, *.example.com/bar/baz, false",
    })
    void nestsSubScopeInsideSuperScopeOnComponentBoundaries(String sub, String sup, boolean nested) {
        assertThat(RegistryScope.isNestedInside(sub, sup)).isEqualTo(nested);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "docker.io, *.io",
        "sub.example.com/foo/bar, *.com",
        "sub.example.com/foo/bar, *.example.com",
    })
    void wildcardScopeCoversHostsUnderItsDomain(String name, String scope) {
        assertThat(new RegistryScope(scope).contains(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "example.com/foo, *.example.com",
        "example.net/namespace-ends-in.com/repo, *.com",
    })
    void wildcardScopeMatchesOnlyTheHostAndNotTheBareDomain(String name, String scope) {
        assertThat(new RegistryScope(scope).contains(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "*.example.com", "quay.io/ns", "localhost:5000"})
    void acceptsHostsPathsAndLeadingWildcards(String scope) {
        assertThat(RegistryScope.isValid(scope)).isTrue();
        assertThat(new RegistryScope(scope).value()).isEqualTo(scope);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "**.example.com",
                "example.*.com",
                "*.example.com/foo/bar",
                "*.example.com:foo",
                "*example.com",
                "*/example.com",
                "*.*example.com",
                ""
            })
    void rejectsMisplacedWildcardsAndEmptyScope(String scope) {
        assertThat(RegistryScope.isValid(scope)).isFalse();
        assertThatThrownBy(() -> new RegistryScope(scope))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid registry scope \"" + scope + "\"");
    }

    @Test
    void doubleStarScopeDoesNotCoverSubdomains() {
        assertThat(RegistryScope.isNestedInside("yet.another.example.com/foo", "**.example.com"))
                .isFalse();
    }
}
