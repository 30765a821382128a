package dev.imagepipe.importer.registry.transport;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer for one registry host: builds URIs, guards addresses, follows redirects itself (checking each hop and
 * dropping {@code Authorization} across hosts), applies the process-wide limits of the host, enforces timeouts and body
 * caps while streaming, and retries transient failures. It returns every final response, successful or not; turning a
 * failed one into a {@link RegistryException} is {@link RegistryErrors}' job, authentication is the {@code auth}
 * package's.
 *
 * <p>Failures with no usable response are thrown as {@link RegistryException}: {@code Blocked} (address guard),
 * {@code Timeout}, {@code RegistryUnavailable} (connection refused or reset; and, not transient, an untrusted TLS
 * certificate or a plain-HTTP server behind a secure transport), {@code IntegrityMismatch} (body cap).
 *
 * <p>An insecure transport tries {@code https} first and falls back to {@code http} for good (see {@link SchemeProbe}
 * and {@link TransportOptions}).
 */
public final class RegistryTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);

    /** Ten hops, as Go's net/http: blob downloads take one or two (registry → CDN); more is a loop. */
    public static final int MAX_REDIRECTS = 10;

    /** How long {@link #close} waits for in-flight exchanges to end after cancelling them. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** {@code /v2/<name>/manifests|blobs|tags/...}: where error messages find the repository name. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("/v2/(.+)/(?:manifests|blobs|tags)/.*");

    private final String registry;
    private final TransportOptions options;
    private final HttpClient client;
    private final ExecutorService executor;
    private final AddressGuard guard;
    private final RegistryLimits limits;
    private final Clock clock;
    private final RandomGenerator random;
    private final SchemeProbe scheme;

    RegistryTransport(String registry, TransportOptions options, AddressGuard guard, RegistryLimits limits) {
        this.registry = registry;
        this.options = options;
        this.guard = guard;
        this.limits = limits;
        this.clock = Clock.systemUTC();
        this.random = RandomGenerator.getDefault();
        SSLContext tls = TlsContexts.forOptions(options);
        this.scheme = new SchemeProbe(registry, options, tls);
        // Our own executor, so close() can stop every thread the client used (its default pool idles for a minute).
        this.executor = Executors.newCachedThreadPool(Thread.ofPlatform()
                .name("registry-" + registry + "-", 0)
                .daemon(true)
                .factory());
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(options.connectTimeout())
                // Redirects are ours to follow: each hop passes the address guard, and credentials stay on their host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                // An insecure registry may end up on plain HTTP, where an h2c upgrade attempt gains nothing.
                .version(options.insecure() ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
    }

    /** A transport for {@code registry} ({@code host[:port]}) using the process-wide limits of that host. */
    public static RegistryTransport create(String registry, TransportOptions options) {
        return new RegistryTransport(
                registry,
                options,
                new AddressGuard(options.allowedPrivateHosts()),
                RegistryLimits.forRegistry(registry));
    }

    /** {@code host[:port]} this transport talks to. */
    public String registry() {
        return registry;
    }

    public TransportOptions options() {
        return options;
    }

    /**
     * The URI of {@code pathAndQuery} (starting with {@code /}) on this registry: {@code https}, or {@code http} once an
     * insecure transport has fallen back to it.
     */
    public URI uri(String pathAndQuery) {
        return URI.create(scheme.scheme() + "://" + registry + pathAndQuery);
    }

    /**
     * Sends {@code request}, following redirects and retrying transient failures within the retry policy, and returns
     * the final response whatever its status.
     *
     * @throws RegistryException when no response could be had (see the class comment)
     */
    public RegistryResponse send(RegistryRequest request) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> delay;
            try {
                RegistryResponse response = followRedirects(request);
                if (!RetryPolicy.isTransientStatus(response.status())) {
                    return response;
                }
                Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(
                        response.header("Retry-After").orElse(null), clock);
                delay = options.retry().nextDelay(attempt, waited, retryAfter, random);
                if (delay.isEmpty()) {
                    return response;
                }
                log.info(
                        "{} answered {}; retry {} in {} ms",
                        request,
                        response.status(),
                        attempt,
                        delay.get().toMillis());
            } catch (RegistryException e) {
                delay = e.isTransient()
                        ? options.retry().nextDelay(attempt, waited, Optional.empty(), random)
                        : Optional.empty();
                if (delay.isEmpty()) {
                    throw e;
                }
                log.info(
                        "{} failed ({}); retry {} in {} ms",
                        request,
                        e.getMessage(),
                        attempt,
                        delay.get().toMillis());
            }
            pause(delay.get());
            waited = waited.plus(delay.get());
        }
    }

    private RegistryResponse followRedirects(RegistryRequest request) {
        RegistryRequest hop = request;
        for (int hops = 0; ; hops++) {
            RegistryResponse response = sendOnce(hop);
            Optional<String> location = response.header("Location");
            if (!isRedirect(response.status()) || location.isEmpty()) {
                return response;
            }
            if (hops == MAX_REDIRECTS) {
                throw new RegistryException(
                        FailureReason.REGISTRY_UNAVAILABLE, request + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = hop.uri().resolve(location.get());
            if (!"https".equals(next.getScheme()) && !("http".equals(next.getScheme()) && options.insecure())) {
                throw new RegistryException(
                        FailureReason.BLOCKED,
                        request + ": redirect to " + next.getScheme() + "://" + next.getHost()
                                + " refused: only https is followed for a secure registry");
            }
            hop = sameAuthority(hop.uri(), next)
                    ? hop.withUri(next)
                    : hop.withoutHeader("Authorization").withUri(next);
        }
    }

    private RegistryResponse sendOnce(RegistryRequest asBuilt) {
        // The guard first: an insecure transport's scheme probe connects too.
        guard.check(asBuilt.uri().getHost());
        RegistryRequest request = asBuilt.withUri(scheme.resolve(asBuilt.uri()));
        URI uri = request.uri();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(options.readTimeout())
                .method(
                        request.method(),
                        request.body()
                                .map(HttpRequest.BodyPublishers::ofByteArray)
                                .orElseGet(HttpRequest.BodyPublishers::noBody));
        request.headers().forEach(builder::header);
        try (ConcurrencyLimit.Permit ignored = limits.concurrency().acquire()) {
            limits.rate().acquire();
            CappedBodySubscriber body = new CappedBodySubscriber(request.bodyCap());
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), info -> body);
            HttpResponse<byte[]> response = await(future, body, request);
            log.debug("{} -> {}", request, response.statusCode());
            return new RegistryResponse(response.statusCode(), response.headers(), response.body(), uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(FailureReason.TIMEOUT, request + ": interrupted", 0, List.of(), true, null, e);
        }
    }

    /** Waits for the exchange, ending it when nothing has arrived for the read timeout. */
    private HttpResponse<byte[]> await(
            CompletableFuture<HttpResponse<byte[]>> future, CappedBodySubscriber body, RegistryRequest request)
            throws InterruptedException {
        long readTimeoutNanos = options.readTimeout().toNanos();
        long pollMillis = Math.max(10, options.readTimeout().toMillis() / 4);
        while (true) {
            try {
                return future.get(pollMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                if (System.nanoTime() - body.lastProgressNanos() > readTimeoutNanos) {
                    future.cancel(true);
                    body.cancel();
                    throw timeout(request, null);
                }
            } catch (ExecutionException e) {
                throw translate(request, e.getCause());
            } catch (CancellationException e) {
                throw timeout(request, e);
            }
        }
    }

    private RegistryException translate(RegistryRequest request, Throwable cause) {
        if (cause instanceof CappedBodySubscriber.BodyTooLargeException tooLarge) {
            return new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    request + ": response body exceeds the " + BodyLimits.describe(tooLarge.cap) + " cap",
                    0,
                    List.of(),
                    false,
                    null,
                    null);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return timeout(request, cause);
        }
        if (cause instanceof RegistryException registryException) {
            return registryException;
        }
        if (!options.insecure() && SchemeProbe.isPlainHttpPeer(cause)) {
            // A6.3: OpenShift answers BadRequest; a setting to change, not a fault to retry.
            return new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE,
                    "the repository " + repositoryOf(request.uri())
                            + " is HTTP only and requires the insecure flag to import",
                    0,
                    List.of(),
                    false,
                    null,
                    cause);
        }
        if (!options.insecure() && SchemeProbe.isUntrustedCertificate(cause)) {
            return new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE,
                    request + ": TLS certificate of " + request.uri().getHost() + " not trusted (" + rootMessage(cause)
                            + "); add its CA as an additional trusted CA",
                    0,
                    List.of(),
                    false,
                    null,
                    cause);
        }
        String what = cause instanceof IOException ? "connection failed" : "request failed";
        return new RegistryException(
                FailureReason.REGISTRY_UNAVAILABLE,
                request + ": " + what + " (" + cause.getClass().getSimpleName() + ")",
                0,
                List.of(),
                true,
                null,
                cause);
    }

    /** {@code host[:port]/name} for a {@code /v2/<name>/...} URI, as OpenShift names it in errors; else the host. */
    static String repositoryOf(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Matcher matcher = REPOSITORY_PATH.matcher(path);
        return uri.getRawAuthority() + (matcher.matches() ? "/" + matcher.group(1) : "");
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private RegistryException timeout(RegistryRequest request, Throwable cause) {
        return new RegistryException(
                FailureReason.TIMEOUT,
                request + ": no response within " + options.readTimeout().toMillis() + " ms",
                0,
                List.of(),
                true,
                null,
                cause);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean sameAuthority(URI a, URI b) {
        return a.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Backoff between attempts: the retry policy bounds it, so this is a bounded wait, not polling. */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    FailureReason.TIMEOUT, "interrupted while backing off", 0, List.of(), true, null, e);
        }
    }

    /** Cancels in-flight exchanges and stops the client's threads. */
    @Override
    public void close() {
        client.shutdownNow();
        try {
            client.awaitTermination(CLOSE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
