package dev.imagepipe.tagger.history;

import static dev.imagepipe.tagger.history.Fixtures.event;
import static dev.imagepipe.tagger.history.Fixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** D9 (TestResolveLatestTaggedImage) and A12. */
class PullSpecResolverTest {

    private static final String DIGEST = "sha256:4ab1" + "0".repeat(60);
    private static final PullSpecResolver WITHOUT_REGISTRY = new PullSpecResolver(RegistryHostnames.NONE);

    private static ImageStreamState streamWith(
            String tag, Optional<ReferencePolicy> policy, String repository, TagHistory... status) {
        var spec = new ArrayList<SpecTag>();
        if (policy.isPresent()) {
            spec.add(Fixtures.specTag(tag, "docker.io/a/b:" + tag, Optional.of(1L), policy));
        }
        var metadata = new StreamMetadata(
                "a", "b", Optional.empty(), Optional.empty(), 1, Optional.empty(), Map.of(), Map.of());
        return new ImageStreamState(
                metadata,
                new StreamSpec(false, Optional.empty(), spec),
                new StreamStatus(repository, Optional.empty(), List.of(status)));
    }

    static Stream<Arguments> d9() {
        Optional<ReferencePolicy> none = Optional.empty();
        return Stream.of(
                // D9 row 1
                Arguments.of(
                        "only latest has items",
                        "foo",
                        streamWith("foo", none, "", history("latest", event("latest-ref", "", 0))),
                        Optional.empty()),
                // D9 row 2
                Arguments.of(
                        "empty tag means latest",
                        "",
                        streamWith("latest", none, "", history("latest", event("latest-ref", "", 0))),
                        Optional.of("latest-ref")),
                // D9 row 3
                Arguments.of(
                        "named tag",
                        "foo",
                        streamWith("foo", none, "", history("foo", event("foo-ref", "", 0))),
                        Optional.of("foo-ref")),
                // D9 row 4
                Arguments.of(
                        "Source",
                        "latest",
                        streamWith(
                                "latest",
                                Optional.of(ReferencePolicy.SOURCE),
                                "",
                                history("latest", event("latest-ref", DIGEST, 0))),
                        Optional.of("latest-ref")),
                // D9 row 5
                Arguments.of(
                        "Local without stream repository",
                        "latest",
                        streamWith(
                                "latest",
                                Optional.of(ReferencePolicy.LOCAL),
                                "",
                                history("latest", event("latest-ref", DIGEST, 0))),
                        Optional.of("latest-ref")),
                // D9 row 6
                Arguments.of(
                        "Local without image id",
                        "latest",
                        streamWith(
                                "latest",
                                Optional.of(ReferencePolicy.LOCAL),
                                "test.server/a/b",
                                history("latest", event("latest-ref", "", 0))),
                        Optional.of("latest-ref")),
                // D9 row 7
                Arguments.of(
                        "Local through the stream repository",
                        "latest",
                        streamWith(
                                "latest",
                                Optional.of(ReferencePolicy.LOCAL),
                                "test.server/a/b",
                                history("latest", event("latest-ref", DIGEST, 0))),
                        Optional.of("test.server/a/b@" + DIGEST)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("d9")
    void resolvesByReferencePolicy(String row, String tag, ImageStreamState stream, Optional<String> expected) {
        assertThat(WITHOUT_REGISTRY.resolve(stream, tag)).isEqualTo(expected);
    }

    @Test
    void resolvesLocalThroughConfiguredInternalRegistryWhenStreamHasNoRepositoryYet() {
        ImageStreamState stream = streamWith(
                "latest", Optional.of(ReferencePolicy.LOCAL), "", history("latest", event("latest-ref", DIGEST, 0)));
        var resolver =
                new PullSpecResolver(new RegistryHostnames(Optional.of("registry.local:5000"), Optional.empty()));

        assertThat(resolver.resolve(stream, "latest")).contains("registry.local:5000/a/b@" + DIGEST);
    }

    @Test
    void resolvesSourceEvenWithInternalRegistry() {
        ImageStreamState stream = streamWith(
                "latest",
                Optional.of(ReferencePolicy.SOURCE),
                "test.server/a/b",
                history("latest", event("latest-ref", DIGEST, 0)));
        var resolver = new PullSpecResolver(new RegistryHostnames(Optional.of("registry.local"), Optional.empty()));

        assertThat(resolver.resolve(stream, "latest")).contains("latest-ref");
    }
}
