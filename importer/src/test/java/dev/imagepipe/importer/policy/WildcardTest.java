package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WildcardTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(
                        "docker",
                        List.of("docker"),
                        List.of("", " ", "foodocker", "dock", "dockerfoo", "  docker", "*docker*", "?ocker", "foo")),
                Arguments.of("*", List.of("", "foo", "docker.io", " "), List.of()),
                Arguments.of("???", List.of("foo", "bar", "...", "   "), List.of("longfoo", "", "aa", " aaa", "aaa ")),
                Arguments.of(
                        "*.docker.io",
                        List.of("registry-1.docker.io", ".docker.io", "??.docker.io", "*.docker.io"),
                        List.of("", " ", "docker", "fakedocker.io", "docker.io", "foo.docker.io.fake")),
                Arguments.of(
                        "foo.??.registry.url",
                        List.of("foo.ab.registry.url"),
                        List.of("", "foo.abc.registry.url", "registry.url", "foo.registry.url", "foo.a.registry.url")),
                Arguments.of(
                        "*foo.??.registry.*",
                        List.of("foo.ab.registry.url", "barfoo.xx.registry.local"),
                        List.of("", "foo.x.registry.foo", "xfoo.registry.local", "xfoo.xx.registry")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void matchesWholeStringWithStarAndQuestionMarkGlobs(String pattern, List<String> matching, List<String> others) {
        assertThat(matching).allSatisfy(value -> assertThat(Wildcard.matches(pattern, value))
                .as("%s matches \"%s\"", pattern, value)
                .isTrue());
        assertThat(others).allSatisfy(value -> assertThat(Wildcard.matches(pattern, value))
                .as("%s does not match \"%s\"", pattern, value)
                .isFalse());
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("starBacktracking")
    void starBacktracksPastLiteralStarsInTheValue(String pattern, String value) {
        assertThat(Wildcard.matches(pattern, value)).isTrue();
    }

    static Stream<Arguments> starBacktracking() {
        return Stream.of(Arguments.of("*x", "*ax"), Arguments.of("*.foo.com", "a.b.c.d.foo.com"));
    }
}
