package dev.imagepipe.importer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceTest {

    private static final String HEX = "3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";
    private static final String DIGEST = "sha256:" + HEX;

    static Stream<Arguments> parsingTable() {
        return Stream.of(
                Arguments.of("foo", "", "", "foo", null, null),
                Arguments.of("foo:tag", "", "", "foo", "tag", null),
                Arguments.of(DIGEST, "", "", "sha256", HEX, null),
                Arguments.of("foo@" + DIGEST, "", "", "foo", null, DIGEST),
                Arguments.of("bar/foo", "", "bar", "foo", null, null),
                Arguments.of("bar/foo/baz", "", "bar", "foo/baz", null, null),
                Arguments.of("bar/library/baz", "", "bar", "library/baz", null, null),
                Arguments.of("bar/foo/baz/biz", "", "bar", "foo/baz/biz", null, null),
                Arguments.of("bar:5000/foo/baz", "bar:5000", "foo", "baz", null, null),
                Arguments.of("bar:5000/baz", "bar:5000", "", "baz", null, null),
                Arguments.of("bar:5000/foo/baz@" + DIGEST, "bar:5000", "foo", "baz", null, DIGEST),
                Arguments.of("myregistry.io/foo", "myregistry.io", "", "foo", null, null),
                Arguments.of("localhost/bar", "localhost", "", "bar", null, null),
                Arguments.of("docker.io/library/myapp", "docker.io", "library", "myapp", null, null),
                Arguments.of("docker.io/myapp", "docker.io", "", "myapp", null, null),
                Arguments.of("docker.io/user/project/myapp", "docker.io", "user", "project/myapp", null, null),
                Arguments.of("index.docker.io/bar", "index.docker.io", "", "bar", null, null),
                Arguments.of("quay.io", "quay.io", "", "", null, null),
                Arguments.of("quay.io/org", "quay.io", "", "org", null, null),
                Arguments.of("localhost:5000", "localhost:5000", "", "", null, null),
                Arguments.of("wildfly:15.0", "", "", "wildfly", "15.0", null),
                Arguments.of("repo:tag@" + DIGEST, "", "", "repo", "tag", DIGEST),
                Arguments.of("my-reg.ex-1.com:5000/a__b/c-d.e:1", "my-reg.ex-1.com:5000", "a__b", "c-d.e", "1", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsingTable")
    void splitsPullSpecIntoRegistryNamespaceNameTagAndDigest(
            String input, String registry, String namespace, String name, String tag, String digest) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.namespace()).isEqualTo(namespace);
        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
        assertThat(ref.digest()).isEqualTo(Optional.ofNullable(digest));
    }

    @Test
    void acceptsNameOfExactly255CharactersIncludingRegistry() {
        String input = "bar:5000/" + "a".repeat(63) + "/" + "b".repeat(182) + ":tag";

        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.registry()).isEqualTo("bar:5000");
        assertThat(ref.namespace()).isEqualTo("a".repeat(63));
        assertThat(ref.name()).isEqualTo("b".repeat(182));
        assertThat(ref.tag()).contains("tag");
    }

    @Test
    void rejectsNameOf256CharactersIncludingRegistry() {
        String input = "bar:5000/" + "a".repeat(63) + "/" + "b".repeat(183) + ":tag";

        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name must not be more than 255 characters");
    }

    @Test
    void acceptsLongDockerHubNameWithoutNamespaceWithinTheLimit() {
        ImageReference ref = ImageReference.parse("docker.io/" + "b".repeat(231) + ":tag");

        assertThat(ref.registry()).isEqualTo("docker.io");
        assertThat(ref.namespace()).isEmpty();
        assertThat(ref.name()).isEqualTo("b".repeat(231));
    }

    @Test
    void rejectsDockerHubNameOverTheLimit() {
        assertThatThrownBy(() -> ImageReference.parse("docker.io/" + "b".repeat(246) + ":tag"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name must not be more than 255 characters");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "registry.io/foo/bar/:Tag | invalid reference format",
                "https://bar:5000/foo/baz | invalid reference format",
                "http://bar:5000/foo/baz@sha256:" + HEX + " | invalid reference format",
                "registry:3000/integration/imageStream:success | repository name must be lowercase",
                "registry:5000/x@sha256:3c87c572822935df60f0f5d3665bd376 | invalid checksum digest length",
                "abc@badid | invalid reference format",
                "index.docker.io/mysql@sha256:bad | invalid reference format",
                "@sha256:" + HEX + " | invalid reference format",
                ":tag | invalid reference format",
                "bar/foo/baz////biz | invalid reference format",
                "//foo/baz/biz | invalid reference format",
                "ftp://baz/baz/biz | invalid reference format",
                "foo@md5:3c87c572822935df60f0f5d3665bd376 | unsupported digest algorithm",
                "foo@sha256:3C87C572822935DF60F0F5D3665BD376841A7FCFEB806B5F212DE6A00E9A7B25 "
                        + "| invalid checksum digest format",
            })
    void rejectsInvalidPullSpecWithOpenShiftsMessage(String input, String problem) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOfSatisfying(InvalidReferenceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.input()).isEqualTo(input);
                })
                .hasMessage("invalid image reference \"" + input + "\": " + problem);
    }

    @Test
    void rejectsHugeInputWithoutExhaustingTheStack() {
        assertThatThrownBy(() -> ImageReference.parse("a-".repeat(20_000) + "a"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name must not be more than 255 characters");
        assertThatThrownBy(() -> ImageReference.parse("a.".repeat(20_000) + "!"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("invalid reference format");
    }

    @Test
    void checksManySeparatorsJustUnderTheInputCapOnASmallStack() throws InterruptedException {
        String input = "a_".repeat(511) + "A";
        Throwable[] thrown = new Throwable[1];
        Thread parser = new Thread(
                null,
                () -> {
                    try {
                        ImageReference.parse(input);
                    } catch (Throwable t) {
                        thrown[0] = t;
                    }
                },
                "small-stack",
                256 * 1024);
        parser.start();
        parser.join();

        assertThat(thrown[0])
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name must be lowercase");
    }

    @Test
    void rejectsEmptyPullSpecAsHavingNoComponent() {
        assertThatThrownBy(() -> ImageReference.parse(""))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("repository name must have at least one component");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox, docker.io/library/busybox",
        "busybox:glibc, docker.io/library/busybox",
        "docker.io/busybox@sha256:1303dbf110c57f3edf68d9f5a16c082ec06c4cf7604831669faf2c712260b5a0,"
                + " docker.io/library/busybox",
        "docker.io/busybox:latest@sha256:1303dbf110c57f3edf68d9f5a16c082ec06c4cf7604831669faf2c712260b5a0,"
                + " docker.io/library/busybox",
        "library/busybox:1, docker.io/library/busybox",
        "image-registry.openshift-image-registry.svc:5000/openshift/httpd@"
                + "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,"
                + " image-registry.openshift-image-registry.svc:5000/openshift/httpd",
    })
    void repositoryKeyAppliesDefaultsAndDropsTagAndDigest(String input, String canonical) {
        assertThat(ImageReference.parse(input).repositoryKey()).isEqualTo(canonical);
    }

    @Test
    void withDigestReplacesTagAndAddsNoRegistry() {
        String digest = "sha256:958608f8ecc1dc62c93b6c610f3a834dae4220c9642e6e8b4e0f2b3ad7cbd238";

        assertThat(ImageReference.parse("test:tag").withDigest(digest).exact()).isEqualTo("test@" + digest);
        assertThat(ImageReference.parse("test@" + DIGEST).withDigest(digest).exact())
                .isEqualTo("test@" + digest);
    }

    @Test
    void withTagKeepsTheRepositoryAsWrittenAndDropsAnyDigest() {
        assertThat(ImageReference.parse("quay.io/team/app").withTag("1.2").exact())
                .isEqualTo("quay.io/team/app:1.2");
        assertThat(ImageReference.parse("app@" + DIGEST).withTag("v1").exact()).isEqualTo("app:v1");
    }

    @Test
    void withDigestRejectsInvalidDigest() {
        assertThatThrownBy(() -> ImageReference.parse("test:tag").withDigest("sha256:abc"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("invalid checksum digest length");
    }

    @Test
    void defaultedFormNamesDockerHubLibraryAndLatest() {
        assertThat(ImageReference.parse("test").withDefaults().toString()).isEqualTo("docker.io/library/test:latest");
    }

    @Test
    void defaultsSetLatestEvenWithDigestAndMostSpecificDropsIt() {
        ImageReference defaulted = ImageReference.parse("foo@" + DIGEST).withDefaults();

        assertThat(defaulted.tag()).contains("latest");
        assertThat(defaulted.mostSpecific().tag()).isEmpty();
        assertThat(defaulted.mostSpecific().exact()).isEqualTo("docker.io/library/foo@" + DIGEST);
    }

    @ParameterizedTest(name = "{0}: exact {1}, string {2}")
    @CsvSource({
        "busybox, busybox, busybox",
        "docker.io/busybox:1, docker.io/busybox:1, docker.io/library/busybox:1",
        "index.docker.io/bar, index.docker.io/bar, index.docker.io/library/bar",
        "quay.io/org/app:v1, quay.io/org/app:v1, quay.io/org/app:v1",
        "repo:tag@" + DIGEST + ", repo@" + DIGEST + ", repo@" + DIGEST,
    })
    void exactKeepsWhatWasWrittenAndStringAddsLibraryOnDockerHub(String input, String exact, String string) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.exact()).isEqualTo(exact);
        assertThat(ref.toString()).isEqualTo(string);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox, docker.io/library/busybox",
        "busybox:1@" + DIGEST + ", docker.io/library/busybox",
        "index.docker.io/bar, docker.io/library/bar",
        "docker.io/user/app, docker.io/user/app",
        "registry-1.docker.io/bar, registry-1.docker.io/bar",
        "quay.io/org, quay.io/org",
        "localhost:5000/a/b/c:1, localhost:5000/a/b/c",
    })
    void normalizedNameIsTheDistributionLibrarysName(String input, String normalized) {
        assertThat(ImageReference.parse(input).normalizedName()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} insecure={1} -> {2}")
    @CsvSource({
        "busybox, false, registry-1.docker.io:443",
        "docker.io/busybox, true, registry-1.docker.io:80",
        "index.docker.io/busybox, false, registry-1.docker.io:443",
        "quay.io/org/app, false, quay.io:443",
        "quay.io/org/app, true, quay.io:80",
        "localhost:5000/app, false, localhost:5000",
    })
    void registryHostPortUsesTheV2HostAndTheTransportsDefaultPort(String input, boolean insecure, String hostPort) {
        assertThat(ImageReference.parse(input).registryHostPort(insecure)).isEqualTo(hostPort);
    }

    @Test
    void registryHostDefaultsToDockerHubAndV2RegistryMapsItToRegistry1() {
        ImageReference ref = ImageReference.parse("busybox");

        assertThat(ref.registryHost()).isEqualTo("docker.io");
        assertThat(ref.v2Registry()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("quay.io/a/b").v2Registry()).isEqualTo("quay.io");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "busybox, library/busybox",
        "docker.io/user/app:1, user/app",
        "quay.io/org/team/app, org/team/app",
        "quay.io/app, app",
    })
    void repositoryPathIsWhatFollowsV2(String input, String path) {
        assertThat(ImageReference.parse(input).repositoryPath()).isEqualTo(path);
    }
}
