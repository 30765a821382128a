package dev.imagepipe.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.policy.MirrorSet;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.testing.Prerequisites;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.AccessLog;
import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two registry processes, a source and a mirror, so the tests can push to one only and read from the access logs which
 * registry was asked for what.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ImageFetcherMirrorIT {

    /** The access log line is written just after the response; this bounds the wait for it. */
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private static LocalRegistryProcess source;
    private static LocalRegistryProcess mirror;
    private static RegistryClient client;
    private static ImageFetcher fetcher;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(LocalRegistryConfig.DEBIAN_BINARY)) {
            throw Prerequisites.missing("the docker-registry binary", "apt-get install docker-registry");
        }
        source = LocalRegistryProcess.start(LocalRegistryConfig.DEBIAN_BINARY);
        mirror = LocalRegistryProcess.start(LocalRegistryConfig.DEBIAN_BINARY);
        client = new RegistryClient();
        fetcher = new ImageFetcher(client, PlatformChooser.withoutDefault(), RequestOptions.defaults());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aDigestOnlyTheMirrorHoldsIsServedByTheMirrorUnderTheSourceName() {
        PushedImage pushed = new ImageFixtures(mirror.endpoint()).pushOciImage("mirror/app", "v1");
        RegistryPolicy policy = mirrorPolicy("team/app", "mirror/app", false);

        FetchResult result = fetch(sourceRef("team/app@" + pushed.digest()), policy);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Imported.class, imported -> {
            assertThat(imported.usedSource().mirror()).isTrue();
            assertThat(imported.image().name()).isEqualTo(pushed.digest());
            assertThat(imported.image().dockerImageReference()).isEqualTo(sourceRef("team/app@" + pushed.digest()));
            assertThat(imported.observations())
                    .containsExactly(new Observation(
                            mirrorRef("mirror/app@" + pushed.digest()), true, new Observation.Served(pushed.digest())));
        });
        assertThat(new AccessLog(source).countAny("/v2/team/app/")).isZero();
    }

    @Test
    void aDigestTheMirrorLacksIsServedByTheSourceWithTheMirrorsFailureObserved() {
        PushedImage pushed = new ImageFixtures(source.endpoint()).pushDockerImage("team/fallback", "v1");
        RegistryPolicy policy = mirrorPolicy("team/fallback", "mirror/fallback", false);

        FetchResult result = fetch(sourceRef("team/fallback@" + pushed.digest()), policy);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Imported.class, imported -> {
            assertThat(imported.usedSource().mirror()).isFalse();
            assertThat(imported.image().dockerImageReference())
                    .isEqualTo(sourceRef("team/fallback@" + pushed.digest()));
            assertThat(imported.observations()).hasSize(2);
            Observation atMirror = imported.observations().get(0);
            assertThat(atMirror.candidate()).isEqualTo(mirrorRef("mirror/fallback@" + pushed.digest()));
            assertThat(atMirror.mirror()).isTrue();
            assertThat(atMirror.outcome())
                    .isInstanceOfSatisfying(Observation.Failure.class, failure -> assertThat(failure.reason())
                            .isEqualTo(FailureReason.NOT_FOUND));
            assertThat(imported.observations().get(1))
                    .isEqualTo(new Observation(
                            sourceRef("team/fallback@" + pushed.digest()),
                            false,
                            new Observation.Served(pushed.digest())));
        });
    }

    @Test
    void aDigestNoSourceHoldsFailsWithEveryCandidatesFailure() {
        String missing = "sha256:" + "0".repeat(64);
        RegistryPolicy policy = mirrorPolicy("team/absent", "mirror/absent", false);

        FetchResult result = fetch(sourceRef("team/absent@" + missing), policy);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NOT_FOUND);
            assertThat(failed.observations()).hasSize(2);
            assertThat(failed.message())
                    .startsWith("all 2 pull sources failed: mirror " + mirrorRef("mirror/absent@" + missing))
                    .contains("; source " + sourceRef("team/absent@" + missing));
        });
    }

    @Test
    void aTagIsNeverFetchedFromADigestOnlyMirror() {
        new ImageFixtures(mirror.endpoint()).pushOciImage("mirror/tagged", "v1");
        PushedImage atSource = new ImageFixtures(source.endpoint()).pushDockerImage("team/tagged", "v1");
        RegistryPolicy policy = mirrorPolicy("team/tagged", "mirror/tagged", false);

        FetchResult result = fetch(sourceRef("team/tagged:v1"), policy);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Imported.class, imported -> {
            assertThat(imported.image().name()).isEqualTo(atSource.digest());
            assertThat(imported.observations()).extracting(Observation::mirror).containsExactly(false);
        });
        assertThat(new AccessLog(mirror).count("GET", "/v2/mirror/tagged/")).isZero();
        assertThat(new AccessLog(mirror).count("HEAD", "/v2/mirror/tagged/manifests/"))
                .isZero();
    }

    @Test
    void aTagWhoseDigestIsKnownCostsExactlyOneHead() {
        PushedImage pushed = new ImageFixtures(source.endpoint()).pushOciImage("team/known", "v1");
        KnownDigests known = (request, digest) -> digest.equals(pushed.digest());
        AccessLog log = new AccessLog(source);

        FetchResult result = fetcher.fetch(
                FetchRequest.of(
                                ImageReference.parse(sourceRef("team/known:v1")),
                                TestPolicies.naming(source.endpoint().hostPort()))
                        .withInsecure(true),
                known);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Known.class, k -> {
            assertThat(k.digest()).isEqualTo(pushed.digest());
            assertThat(k.observations()).hasSize(1);
        });
        await().atMost(LOG_WAIT).until(() -> log.count("HEAD", "/v2/team/known/manifests/") >= 1);
        assertThat(log.count("HEAD", "/v2/team/known/manifests/v1")).isEqualTo(1);
        assertThat(log.count("GET", "/v2/team/known/")).isZero();
    }

    @Test
    void aTagWhoseDigestIsUnknownIsFetchedAfterTheHead() {
        PushedImage pushed = new ImageFixtures(source.endpoint()).pushOciImage("team/moved", "v1");
        KnownDigests known = (request, digest) -> false;

        FetchResult result = fetcher.fetch(
                FetchRequest.of(
                                ImageReference.parse(sourceRef("team/moved:v1")),
                                TestPolicies.naming(source.endpoint().hostPort()))
                        .withInsecure(true),
                known);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Imported.class, imported -> assertThat(
                        imported.image().name())
                .isEqualTo(pushed.digest()));
    }

    private static FetchResult fetch(String reference, RegistryPolicy policy) {
        return fetcher.fetch(
                FetchRequest.of(ImageReference.parse(reference), policy).withInsecure(true));
    }

    private static RegistryPolicy mirrorPolicy(String sourceRepo, String mirrorRepo, boolean allowMirrorByTags) {
        String sourceHost = source.endpoint().hostPort();
        String mirrorHost = mirror.endpoint().hostPort();
        return TestPolicies.naming(
                List.of(sourceHost, mirrorHost),
                List.of(new MirrorSet(
                        sourceHost + "/" + sourceRepo, List.of(mirrorHost + "/" + mirrorRepo), allowMirrorByTags)));
    }

    private static String sourceRef(String repositoryAndTagOrDigest) {
        return source.endpoint().hostPort() + "/" + repositoryAndTagOrDigest;
    }

    private static String mirrorRef(String repositoryAndTagOrDigest) {
        return mirror.endpoint().hostPort() + "/" + repositoryAndTagOrDigest;
    }
}
