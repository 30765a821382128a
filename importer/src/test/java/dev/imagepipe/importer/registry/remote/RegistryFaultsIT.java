package dev.imagepipe.importer.registry.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.remote.FaultProxy.Oversize;
import dev.imagepipe.importer.registry.remote.FaultProxy.ResetMidBody;
import dev.imagepipe.importer.registry.remote.FaultProxy.StallBody;
import dev.imagepipe.importer.registry.remote.FaultProxy.Status;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RetryPolicy;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transient and hostile behaviour, injected by {@link FaultProxy} in front of the real registry. */
@ContainerRegistry
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryFaultsIT {

    private static final String REPO = "transport/faults";

    /** Short steps so retry tests finish quickly; three attempts, at most 5 s of waiting. */
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

    private static PushedImage image;
    private static RegistryEndpoint registry;
    private FaultProxy proxy;
    private RequestOptions options;

    @BeforeAll
    static void push(RegistryEndpoint endpoint) {
        registry = endpoint;
        image = new ImageFixtures(endpoint).pushOciImage(REPO, "1");
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new FaultProxy(registry);
        options = RequestOptions.defaults()
                .withTransport(TransportOptions.defaults()
                        .withInsecure(true)
                        .withAllowedPrivateHosts(Set.of("127.0.0.1"))
                        .withRetry(FAST_RETRY));
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void rateLimitWithRetryAfterSucceedsOnceTheWaitIsOver() {
        proxy.enqueue(new Status(429, Map.of("Retry-After", "1"), "TOOMANYREQUESTS"));
        long start = System.nanoTime();

        withClient(client -> assertThat(getManifest(client).bytes())
                .isEqualTo(image.image().manifest().bytes()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(proxy.requests()).isEqualTo(2);
    }

    @Test
    void persistentRateLimitEndsRateLimitedWithTheRegistrysRetryAfter() {
        proxy.always(new Status(429, Map.of("Retry-After", "1"), "TOOMANYREQUESTS"));

        withClient(client -> assertThatThrownBy(() -> getManifest(client))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                }));

        assertThat(proxy.requests()).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void burstOfServiceUnavailableThenSuccess() {
        Status unavailable = new Status(503, Map.of(), "UNAVAILABLE");
        proxy.enqueue(unavailable, unavailable);

        withClient(client -> assertThat(getManifest(client).bytes())
                .isEqualTo(image.image().manifest().bytes()));

        assertThat(proxy.requests()).isEqualTo(3);
    }

    @Test
    void persistentServiceUnavailableEndsRegistryUnavailable() {
        proxy.always(new Status(503, Map.of(), "UNAVAILABLE"));

        withClient(client -> assertThatThrownBy(() -> getManifest(client))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.isTransient()).isTrue();
                }));
        assertThat(proxy.requests()).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void connectionResetMidBodyIsRetried() {
        proxy.enqueue(new ResetMidBody());

        withClient(client -> assertThat(getManifest(client).bytes())
                .isEqualTo(image.image().manifest().bytes()));

        assertThat(proxy.requests()).isEqualTo(2);
    }

    @Test
    void persistentConnectionResetEndsRegistryUnavailable() {
        proxy.always(new ResetMidBody());

        withClient(client -> assertThatThrownBy(() -> getManifest(client))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
                    assertThat(e.isTransient()).isTrue();
                }));
        assertThat(proxy.requests()).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void bodySlowerThanTheReadTimeoutEndsTimeoutWithinBoundedTime() {
        proxy.always(new StallBody());
        options = options.withTransport(options.transport().withReadTimeout(Duration.ofMillis(300)));
        long start = System.nanoTime();

        withClient(client -> assertThatThrownBy(() -> getManifest(client))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
                    assertThat(e.isTransient()).isTrue();
                }));

        // Three attempts of ~300 ms plus at most 200 ms of backoff, with room for a slow machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(proxy.requests()).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void manifestOverTheCapIsAnIntegrityMismatchAndNotRetried() {
        proxy.always(new Oversize(BodyLimits.MANIFEST + 64 * 1024));

        withClient(client -> assertThatThrownBy(() -> getManifest(client))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INTEGRITY_MISMATCH);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("exceeds the 4 MiB cap"));
        assertThat(proxy.requests()).isEqualTo(1);
    }

    private RawManifest getManifest(RegistryClient client) {
        return client.getManifest(proxy.hostPort(), REPO, "1", options);
    }

    /**
     * Runs {@code test} with a fresh client, then checks that closing it stopped every HTTP thread it started: the
     * transport's executor threads ({@code registry-*}) and the JDK client's own ({@code HttpClient-*}). Threads that
     * existed before the test, or that other components start, do not count.
     */
    private static void withClient(Consumer<RegistryClient> test) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (var client = new RegistryClient()) {
            test.accept(client);
        }
        try {
            await("HTTP client threads stopped")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> httpThreadsStartedSince(before).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("HTTP threads still alive after close: " + httpThreadsStartedSince(before), e);
        }
    }

    private static List<String> httpThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("registry-") || name.startsWith("HttpClient-"))
                .sorted()
                .toList();
    }
}
