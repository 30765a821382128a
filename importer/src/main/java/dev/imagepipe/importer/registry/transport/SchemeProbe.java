package dev.imagepipe.importer.registry.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Which scheme one registry host speaks (A6.3). A secure transport always uses {@code https}. An insecure one probes
 * once, before its first request: it opens a TLS connection (verification off) and completes a handshake. If that works
 * the registry is {@code https}; if the handshake fails or the peer stays silent for {@link #HANDSHAKE_TIMEOUT}, or
 * nothing listens on the default port 443, it is {@code http}. The answer is kept for the transport's life, so later
 * requests do not probe again. Failures that say nothing about TLS (unknown host, connection refused on an explicit
 * port, connect timeout) leave the question open: the request then goes out over {@code https} and reports its own
 * error, and the next request probes again.
 *
 * <p>Only URIs on the transport's own {@code host[:port]} are affected; redirect hops to other hosts keep their scheme.
 */
final class SchemeProbe {

    static final String HTTPS = "https";
    static final String HTTP = "http";

    /**
     * Three seconds for a TLS server to answer a ClientHello once connected: a live one answers within a round trip or
     * two even across continents. A plain-HTTP server may wait forever for the end of what it takes for request
     * headers (the JDK's own HttpServer does), so silence is read as "not TLS" rather than waited out for the full read
     * timeout.
     */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Part of the JDK's {@link SSLException} text when the peer's first record is not TLS at all, as when a plain-HTTP
     * server answers a ClientHello with {@code HTTP/1.1 400}: the counterpart of Go's "tls: oversized record received",
     * the error OpenShift turns into "is HTTP only". JDKs word it "Unsupported or unrecognized SSL message" or
     * "Unrecognized SSL message, plaintext connection?", so it is matched ignoring case.
     */
    static final String NOT_TLS_MESSAGE = "unrecognized ssl message";

    private static final int DEFAULT_HTTPS_PORT = 443;

    private final String registry;
    private final boolean insecure;
    private final SSLContext tls;
    private final Duration connectTimeout;

    /** {@code null} while an insecure transport has not had its answer; then the scheme its registry speaks. */
    private volatile String known;

    SchemeProbe(String registry, TransportOptions options, SSLContext tls) {
        this.registry = registry;
        this.insecure = options.insecure();
        this.tls = tls;
        this.connectTimeout = options.connectTimeout();
        this.known = insecure ? null : HTTPS;
    }

    /** The scheme new URIs use: {@code https} unless an insecure registry turned out to speak plain HTTP. */
    String scheme() {
        String current = known;
        return current == null ? HTTPS : current;
    }

    /** The scheme the registry speaks, probing first if an insecure transport has not yet asked. */
    String decided() {
        if (known == null) {
            synchronized (this) {
                if (known == null) {
                    known = probe();
                }
            }
        }
        return scheme();
    }

    /**
     * {@code uri} with the scheme this registry speaks if it is on the registry's own authority (probing first when
     * needed); other URIs unchanged.
     */
    URI resolve(URI uri) {
        if (!registry.equalsIgnoreCase(uri.getRawAuthority()) || !HTTPS.equals(uri.getScheme())) {
            return uri;
        }
        return HTTP.equals(decided()) ? URI.create(HTTP + uri.toString().substring(HTTPS.length())) : uri;
    }

    /** {@code https}, {@code http}, or {@code null} when the probe learnt nothing about TLS. */
    private String probe() {
        URI base = URI.create("//" + registry);
        boolean explicitPort = base.getPort() != -1;
        String host = base.getHost().startsWith("[")
                ? base.getHost().substring(1, base.getHost().length() - 1)
                : base.getHost();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            try {
                socket.connect(new InetSocketAddress(host, explicitPort ? base.getPort() : DEFAULT_HTTPS_PORT), (int)
                        connectTimeout.toMillis());
            } catch (ConnectException refused) {
                return explicitPort ? null : HTTP;
            }
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            try {
                socket.startHandshake();
                return HTTPS;
            } catch (SSLException | SocketTimeoutException notTls) {
                return HTTP;
            }
        } catch (IOException unknown) {
            return null;
        }
    }

    /** Whether {@code cause} says the peer does not speak TLS at all (a plain-HTTP server). */
    static boolean isPlainHttpPeer(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains(NOT_TLS_MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code cause} is a certificate the client does not trust (unknown issuer, wrong name, expired). */
    static boolean isUntrustedCertificate(Throwable cause) {
        return has(cause, SSLException.class) && has(cause, CertificateException.class);
    }

    private static boolean has(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
