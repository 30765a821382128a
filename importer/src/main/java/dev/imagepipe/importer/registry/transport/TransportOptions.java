package dev.imagepipe.importer.registry.transport;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link RegistryTransport} talks to its host. Start from {@link #defaults()} and change with the {@code with*}
 * methods.
 *
 * @param insecure only when policy marks the registry insecure (A4.4): HTTPS without certificate verification first
 *     and, if that fails at the connection or TLS level (TLS error, a plain-HTTP server on the port, connection refused
 *     on the default port 443), plain HTTP; the scheme that first answers is kept for the transport's life, so later
 *     requests do not probe again (A6.3). No extra timeout: the probe is bounded by {@code connectTimeout} and
 *     {@code readTimeout}, and a timeout does not fall back. Redirect hops may then also use plain HTTP. When false:
 *     HTTPS only, verified against the JDK's roots plus {@code extraCaBundlePem}; a plain-HTTP registry fails with
 *     "the repository ... is HTTP only and requires the insecure flag to import"
 * @param allowedPrivateHosts hosts the policy names, allowed even when they resolve to non-public addresses
 * @param extraCaBundlePem PEM certificates trusted in addition to the JDK's roots
 * @param connectTimeout limit on establishing a connection
 * @param readTimeout limit on waiting for response headers, and on any silence while reading the body
 * @param retry the retry policy
 */
public record TransportOptions(
        boolean insecure,
        Set<String> allowedPrivateHosts,
        Optional<String> extraCaBundlePem,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retry) {

    /** Ten seconds to connect: a healthy registry connects in well under a second even across continents. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Fifteen seconds of silence: OpenShift's ping timeout (A6.3); a registry quiet that long is stuck. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    public TransportOptions {
        allowedPrivateHosts = Set.copyOf(allowedPrivateHosts);
    }

    /** HTTPS, TLS verified, nothing private allowed, default timeouts and retries. */
    public static TransportOptions defaults() {
        return new TransportOptions(
                false, Set.of(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public TransportOptions withInsecure(boolean value) {
        return new TransportOptions(value, allowedPrivateHosts, extraCaBundlePem, connectTimeout, readTimeout, retry);
    }

    public TransportOptions withAllowedPrivateHosts(Set<String> hosts) {
        return new TransportOptions(insecure, hosts, extraCaBundlePem, connectTimeout, readTimeout, retry);
    }

    public TransportOptions withExtraCaBundlePem(String pem) {
        return new TransportOptions(
                insecure, allowedPrivateHosts, Optional.of(pem), connectTimeout, readTimeout, retry);
    }

    public TransportOptions withConnectTimeout(Duration value) {
        return new TransportOptions(insecure, allowedPrivateHosts, extraCaBundlePem, value, readTimeout, retry);
    }

    public TransportOptions withReadTimeout(Duration value) {
        return new TransportOptions(insecure, allowedPrivateHosts, extraCaBundlePem, connectTimeout, value, retry);
    }

    public TransportOptions withRetry(RetryPolicy value) {
        return new TransportOptions(
                insecure, allowedPrivateHosts, extraCaBundlePem, connectTimeout, readTimeout, value);
    }
}
