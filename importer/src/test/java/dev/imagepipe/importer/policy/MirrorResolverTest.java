package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorResolverTest {

    private static final String DIGEST = "sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

    private static MirrorSet digestOnly(String source, String... mirrors) {
        return new MirrorSet(source, List.of(mirrors), false);
    }

    private static List<String> exact(List<ImageReference> refs) {
        return refs.stream().map(ImageReference::exact).toList();
    }

    @Test
    void dropsSourcesWithoutMirrors() {
        MirrorResolver resolver =
                MirrorResolver.of(List.of(digestOnly("registry.net/a"), digestOnly("registry.com/b")));

        assertThat(resolver.digestMirrors()).isEmpty();
    }

    @Test
    void keepsEachSourcesOrderAndListsSourcesLexically() {
        MirrorResolver resolver = MirrorResolver.of(List.of(
                digestOnly("registry.net/a", "z1.io", "y2.io", "x3.io"),
                digestOnly("registry.com/a", "z1.io", "y2.io", "x3.io")));

        assertThat(resolver.digestMirrors().keySet()).containsExactly("registry.com/a", "registry.net/a");
        assertThat(resolver.digestMirrors().get("registry.net/a")).containsExactly("z1.io", "y2.io", "x3.io");
        assertThat(resolver.digestMirrors().get("registry.com/a")).containsExactly("z1.io", "y2.io", "x3.io");
    }

    @Test
    void chainsOverlappingSetsOfOneSource() {
        assertThat(MirrorResolver.merge(
                        "registry.net/a", List.of(List.of("z1.io", "y2.io"), List.of("y2.io", "x3.io"))))
                .containsExactly("z1.io", "y2.io", "x3.io");
    }

    @Test
    void keepsSourceWhereSetsPlaceItAmongMirrors() {
        String source = "registry.net/a";

        assertThat(MirrorResolver.merge(
                        source, List.of(List.of("z1.io", source, "y2.io"), List.of(source, "y2.io", "x3.io"))))
                .containsExactly("z1.io", source, "y2.io", "x3.io");
    }

    @Test
    void ignoresSetThatOnlyRepeatsTheSource() {
        String source = "registry.net/a";

        assertThat(MirrorResolver.merge(source, List.of(List.of(source)))).isEmpty();
        assertThat(MirrorResolver.of(List.of(digestOnly(source, source))).digestMirrors())
                .isEmpty();
    }

    @Test
    void ordersIndependentSetsLexically() {
        assertThat(MirrorResolver.merge(
                        "quay.io/vendor/app", List.of(List.of("registry2.io/app"), List.of("local-mirror.io/app"))))
                .containsExactly("local-mirror.io/app", "registry2.io/app");
    }

    @Test
    void breaksConflictingOrdersDeterministically() {
        assertThat(MirrorResolver.merge(
                        "quay.io/vendor2/app",
                        List.of(List.of("registry1", "registry2"), List.of("local-mirror2", "registry2", "registry1"))))
                .containsExactly("local-mirror2", "registry1", "registry2");
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "docker.io, docker.io, 9",
        "example.com:5000, example.com:5000, 16",
        "example.com:50000, example.com:5000, -1",
        "example.com:5000, example.com, -1",
        "example.com/foo/bar, example.com, 11",
        "docker.io, docker.io/library, -1",
        "docker.io/libraryy, docker.io/library, -1",
        "docker.io/library/busybox, docker.io/library, 17",
        "example.com/foo:bar2, example.com/foo:bar, -1",
        "example.com/foo@sha256:bbb, example.com/foo@sha256:aaa, -1",
        "example.com/foo, *, -1",
    })
    void matchesSourcePrefixOnlyAtSlashBoundaries(String name, String prefix, int length) {
        assertThat(MirrorResolver.matchLength(name, prefix)).isEqualTo(length);
    }

    @Test
    void picksTheLongestMatchingSource() {
        MirrorResolver resolver = MirrorResolver.of(List.of(
                digestOnly("quay.io", "mirror.example.com"),
                digestOnly("quay.io/openshift", "mirror.example.com/openshift4")));

        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/openshift/test@" + DIGEST))))
                .containsExactly("mirror.example.com/openshift4/test@" + DIGEST);
        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/other/test@" + DIGEST))))
                .containsExactly("mirror.example.com/other/test@" + DIGEST);
    }

    @Test
    void appendsTheNestedPathToEveryMirror() {
        MirrorResolver resolver = MirrorResolver.of(
                List.of(digestOnly("example.com", "mirror-1.com", "mirror-2.com/nested", "example.com")));

        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("example.com/subscope/img@" + DIGEST))))
                .containsExactly("mirror-1.com/subscope/img@" + DIGEST, "mirror-2.com/nested/subscope/img@" + DIGEST);
    }

    @Test
    void matchesDockerHubShortNamesOnTheirNormalizedName() {
        MirrorResolver resolver = MirrorResolver.of(List.of(digestOnly("docker.io/library", "mirror.local/hub")));

        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("busybox@" + DIGEST))))
                .containsExactly("mirror.local/hub/busybox@" + DIGEST);
    }

    @Test
    void tagReferencesUseOnlySetsThatAllowMirrorByTags() {
        MirrorResolver resolver = MirrorResolver.of(List.of(
                digestOnly("quay.io/a", "digest.mirror/a"), new MirrorSet("quay.io/a", List.of("tag.mirror/a"), true)));

        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/a/img@" + DIGEST))))
                .containsExactly("digest.mirror/a/img@" + DIGEST, "tag.mirror/a/img@" + DIGEST);
        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/a/img:1"))))
                .containsExactly("tag.mirror/a/img:1");
        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/a/img"))))
                .containsExactly("tag.mirror/a/img:latest");
    }

    @Test
    void referenceWithTagAndDigestIsMirroredByDigest() {
        MirrorResolver resolver = MirrorResolver.of(List.of(digestOnly("quay.io/a", "digest.mirror/a")));

        assertThat(exact(resolver.mirrorsFor(ImageReference.parse("quay.io/a/img:1@" + DIGEST))))
                .containsExactly("digest.mirror/a/img@" + DIGEST);
    }
}
