package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullSourcesTest {

    private static final String DIGEST = "sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

    private static PullSources sources(List<MirrorSet> mirrors, List<String> blocked, List<String> insecure) {
        return new PullSources(MirrorResolver.of(mirrors), new RegistrySources(blocked, insecure));
    }

    private static List<String> candidates(List<PullSource> sources) {
        return sources.stream().map(s -> s.candidate().exact()).toList();
    }

    @Test
    void mirrorsByTagsServeDigestAndTagReferencesBeforeTheSource() {
        PullSources sources = sources(
                List.of(new MirrorSet(
                        "registry-a.com/bar", List.of("mirror-1.registry-a.com", "mirror-2.registry-a.com"), true)),
                List.of(),
                List.of());

        assertThat(candidates(sources.forReference(ImageReference.parse("registry-a.com/bar/image@" + DIGEST), false)))
                .containsExactly(
                        "mirror-1.registry-a.com/image@" + DIGEST,
                        "mirror-2.registry-a.com/image@" + DIGEST,
                        "registry-a.com/bar/image@" + DIGEST);
        assertThat(candidates(sources.forReference(ImageReference.parse("registry-a.com/bar/image:1"), false)))
                .containsExactly(
                        "mirror-1.registry-a.com/image:1",
                        "mirror-2.registry-a.com/image:1",
                        "registry-a.com/bar/image:1");
    }

    @Test
    void digestOnlyMirrorsServeDigestReferencesAndTagReferencesGoToTheSource() {
        PullSources sources = sources(
                List.of(new MirrorSet(
                        "registry-b.com/bar", List.of("mirror-1.registry-b.com", "mirror-2.registry-b.com"), false)),
                List.of(),
                List.of());

        assertThat(candidates(sources.forReference(ImageReference.parse("registry-b.com/bar/image@" + DIGEST), false)))
                .containsExactly(
                        "mirror-1.registry-b.com/image@" + DIGEST,
                        "mirror-2.registry-b.com/image@" + DIGEST,
                        "registry-b.com/bar/image@" + DIGEST);
        assertThat(candidates(sources.forReference(ImageReference.parse("registry-b.com/bar/image:1"), false)))
                .containsExactly("registry-b.com/bar/image:1");
    }

    @Test
    void mirroredDigestReferenceTriesTheMirrorThenTheSource() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/openshift", List.of("mirror.example.com/openshift4"), false)),
                List.of(),
                List.of());

        List<PullSource> found = sources.forReference(ImageReference.parse("quay.io/openshift/test@" + DIGEST), false);

        assertThat(found)
                .containsExactly(
                        new PullSource(
                                ImageReference.parse("mirror.example.com/openshift4/test@" + DIGEST), true, false),
                        new PullSource(ImageReference.parse("quay.io/openshift/test@" + DIGEST), false, false));
        assertThat(found.get(0).candidate().registryHostPort(false)).isEqualTo("mirror.example.com:443");
        assertThat(found.get(0).candidate().repositoryPath()).isEqualTo("openshift4/test");
    }

    @Test
    void unmirroredDockerHubReferenceGoesToRegistry1() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/openshift", List.of("mirror.example.com/openshift4"), false)),
                List.of(),
                List.of());

        List<PullSource> found =
                sources.forReference(ImageReference.parse("docker.io/openshift/test@" + DIGEST), false);

        assertThat(candidates(found)).containsExactly("docker.io/openshift/test@" + DIGEST);
        assertThat(found.get(0).candidate().registryHostPort(false)).isEqualTo("registry-1.docker.io:443");
        assertThat(found.get(0).candidate().repositoryPath()).isEqualTo("openshift/test");
    }

    @Test
    void blockedSourceWithMirrorIsFetchedFromTheMirrorOnly() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io", List.of("mirror.example.com"), false)), List.of("quay.io"), List.of());

        assertThat(sources.forReference(ImageReference.parse("quay.io/openshift/test@" + DIGEST), false))
                .containsExactly(new PullSource(
                        ImageReference.parse("mirror.example.com/openshift/test@" + DIGEST), true, false));
    }

    @Test
    void blockedMirrorsAreDroppedLikeBlockedSources() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/a", List.of("bad.mirror.example/a", "good.mirror/a"), false)),
                List.of("*.mirror.example"),
                List.of());

        assertThat(candidates(sources.forReference(ImageReference.parse("quay.io/a/img@" + DIGEST), false)))
                .containsExactly("good.mirror/a/img@" + DIGEST, "quay.io/a/img@" + DIGEST);
    }

    @Test
    void everyCandidateBlockedLeavesNoSource() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/a", List.of("mirror.local/a"), false)),
                List.of("quay.io", "mirror.local"),
                List.of());

        assertThat(sources.forReference(ImageReference.parse("quay.io/a/img@" + DIGEST), false))
                .isEmpty();
    }

    @Test
    void eachCandidateIsInsecureByItsOwnScopeOrTheRequest() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/a", List.of("mirror.local/a"), true)),
                List.of(),
                List.of("mirror.local"));

        assertThat(sources.forReference(ImageReference.parse("quay.io/a/img:1"), false))
                .extracting(PullSource::insecure)
                .containsExactly(true, false);
        assertThat(sources.forReference(ImageReference.parse("quay.io/a/img:1"), true))
                .extracting(PullSource::insecure)
                .containsExactly(true, true);
    }

    @Test
    void sourceListedAmongMirrorsIsTriedOnceWhereTheSetsPutIt() {
        PullSources sources = sources(
                List.of(new MirrorSet("quay.io/a", List.of("m1.io/a", "quay.io/a", "m2.io/a"), false)),
                List.of(),
                List.of());

        assertThat(sources.forReference(ImageReference.parse("quay.io/a/img@" + DIGEST), false))
                .extracting(s -> s.candidate().exact(), PullSource::mirror)
                .map(t -> t.toList())
                .containsExactly(
                        List.of("m1.io/a/img@" + DIGEST, true),
                        List.of("quay.io/a/img@" + DIGEST, false),
                        List.of("m2.io/a/img@" + DIGEST, true));
    }
}
