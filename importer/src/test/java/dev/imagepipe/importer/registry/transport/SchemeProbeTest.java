package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SchemeProbeTest {

    @Test
    void aSecureTransportAlwaysUsesHttpsWithoutProbing() {
        var probe = probe("127.0.0.1:1", TransportOptions.defaults());

        assertThat(probe.scheme()).isEqualTo("https");
        assertThat(probe.resolve(URI.create("https://127.0.0.1:1/v2/"))).hasScheme("https");
    }

    @Test
    void anInsecureTransportFallsBackToHttpWhenThePeerStaysSilentDuringTheHandshake() throws IOException {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String registry = "127.0.0.1:" + silent.getLocalPort();
            var probe = probe(registry, TransportOptions.defaults().withInsecure(true));

            assertThat(probe.resolve(URI.create("https://" + registry + "/v2/x/manifests/1?n=1")))
                    .isEqualTo(URI.create("http://" + registry + "/v2/x/manifests/1?n=1"));
            assertThat(probe.scheme()).isEqualTo("http");
        }
    }

    @Test
    void refusedOnAnExplicitPortLeavesTheSchemeOpen() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String registry = "127.0.0.1:" + closedPort;
        var probe = probe(registry, TransportOptions.defaults().withInsecure(true));

        assertThat(probe.resolve(URI.create("https://" + registry + "/v2/"))).hasScheme("https");
        assertThat(probe.decided()).isEqualTo("https");
    }

    @Test
    void redirectTargetsOnOtherHostsKeepTheirScheme() throws IOException {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var probe = probe(
                    "127.0.0.1:" + silent.getLocalPort(),
                    TransportOptions.defaults().withInsecure(true));

            assertThat(probe.resolve(URI.create("https://storage.example/blob")))
                    .hasScheme("https");
            assertThat(probe.scheme()).isEqualTo("https");
        }
    }

    @Test
    void recognisesBothJdkWordingsOfAPlainTextPeer() {
        assertThat(SchemeProbe.isPlainHttpPeer(
                        new IOException(new SSLException("Unrecognized SSL message, plaintext connection?"))))
                .isTrue();
        assertThat(SchemeProbe.isPlainHttpPeer(new SSLException("Unsupported or unrecognized SSL message")))
                .isTrue();
        assertThat(SchemeProbe.isPlainHttpPeer(new SSLHandshakeException("Remote host terminated the handshake")))
                .isFalse();
    }

    @Test
    void anUntrustedCertificateIsACertificateExceptionInsideAnSslException() {
        var handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));

        assertThat(SchemeProbe.isUntrustedCertificate(handshake)).isTrue();
        assertThat(SchemeProbe.isUntrustedCertificate(new SSLException("Connection reset")))
                .isFalse();
    }

    private static SchemeProbe probe(String registry, TransportOptions options) {
        options = options.withConnectTimeout(Duration.ofSeconds(2));
        return new SchemeProbe(registry, options, TlsContexts.forOptions(options));
    }
}
