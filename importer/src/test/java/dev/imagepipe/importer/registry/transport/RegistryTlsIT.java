package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.testing.Prerequisites;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.MediaTypes;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and the insecure flag (A6.3) against two Debian distribution registries sharing one storage: one serving HTTPS
 * with a self-signed certificate for {@code 127.0.0.1}, one plain HTTP. Each registry sits behind a {@link CountingRelay}
 * so the tests see which connections started a TLS handshake.
 *
 * <p>Failure reasons: an untrusted certificate and a plain-HTTP registry behind a secure transport are both
 * {@code RegistryUnavailable} and not transient: the registry cannot be reached as configured, retrying does not help,
 * and neither is about credentials or policy (which {@code Forbidden} and {@code Blocked} would suggest).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegistryTlsIT {

    private static final String REPO = "tls/it";

    /** openssl's certificate lifetime: the run takes minutes. */
    private static final String CERTIFICATE_DAYS = "2";

    /** Generating a P-256 key and certificate takes milliseconds; anything near this is a stuck process. */
    private static final long OPENSSL_TIMEOUT_SECONDS = 30;

    @TempDir
    static Path temp;

    private static LocalRegistryProcess plain;
    private static LocalRegistryProcess tls;
    private static CountingRelay plainRelay;
    private static CountingRelay tlsRelay;
    private static String certificatePem;
    private static PushedImage image;

    @BeforeAll
    static void start() throws Exception {
        Prerequisites.requireExecutable(
                LocalRegistryConfig.DEBIAN_BINARY.toString(), "apt-get install docker-registry");
        Path openssl = Prerequisites.requireExecutable("/usr/bin/openssl", "apt-get install openssl");
        Path certificate = temp.resolve("registry.crt");
        Path key = temp.resolve("registry.key");
        selfSignedCertificate(openssl, certificate, key);
        certificatePem = Files.readString(certificate);

        Path storage = temp.resolve("storage");
        var config = new LocalRegistryConfig(LocalRegistryConfig.DEBIAN_BINARY, storage, freePort(), List.of());
        plain = LocalRegistryProcess.start(config, Files.createTempDirectory("imagepipe-tls-it-plain-"));
        // The fixture pusher speaks plain HTTP: push through the plain registry, read through both.
        image = new ImageFixtures(plain.endpoint()).pushOciImage(REPO, "tls");
        var tlsConfig = new LocalRegistryConfig(LocalRegistryConfig.DEBIAN_BINARY, storage, freePort(), List.of())
                .withTls(certificate, key);
        tls = LocalRegistryProcess.start(tlsConfig, Files.createTempDirectory("imagepipe-tls-it-tls-"));
        plainRelay = new CountingRelay(plain.endpoint().port());
        tlsRelay = new CountingRelay(tls.endpoint().port());
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[] {plainRelay, tlsRelay, plain, tls}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Test
    void secureRequestToAnUntrustedCertificateFailsWithoutFallingBackToHttp() {
        try (var transport = transport(tlsRelay, TransportOptions.defaults())) {
            assertThatThrownBy(() -> transport.send(manifestRequest(transport)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
                        assertThat(e.isTransient()).isFalse();
                    })
                    .hasMessageContaining("TLS certificate of 127.0.0.1 not trusted");
            assertThat(transport.uri("/v2/").getScheme()).isEqualTo("https");
        }
        assertThat(tlsRelay.plainConnections()).isZero();
    }

    @Test
    void secureRequestTrustingTheExtraCaBundleSucceedsWithVerification() {
        try (var transport = transport(tlsRelay, TransportOptions.defaults().withExtraCaBundlePem(certificatePem))) {
            RegistryResponse response = transport.send(manifestRequest(transport));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.uri().getScheme()).isEqualTo("https");
            assertThat(response.header("Docker-Content-Digest")).contains(image.digest());
        }
        assertThat(tlsRelay.plainConnections()).isZero();
    }

    @Test
    void insecureRequestUsesHttpsWithoutVerification() {
        try (var transport = transport(tlsRelay, TransportOptions.defaults().withInsecure(true))) {
            RegistryResponse response = transport.send(manifestRequest(transport));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.uri().getScheme()).isEqualTo("https");
            assertThat(transport.uri("/v2/").getScheme()).isEqualTo("https");
        }
        assertThat(tlsRelay.plainConnections()).isZero();
    }

    @Test
    void insecureRequestToAPlainHttpRegistryFallsBackToHttpAndProbesOnlyOnce() {
        int hellosBefore = plainRelay.tlsConnections();
        try (var transport = transport(plainRelay, TransportOptions.defaults().withInsecure(true))) {
            RegistryResponse first = transport.send(manifestRequest(transport));

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.uri().getScheme()).isEqualTo("http");
            assertThat(plainRelay.tlsConnections()).isEqualTo(hellosBefore + 1);

            RegistryResponse second = transport.send(manifestRequest(transport));

            assertThat(second.status()).isEqualTo(200);
            assertThat(second.uri().getScheme()).isEqualTo("http");
            assertThat(plainRelay.tlsConnections()).isEqualTo(hellosBefore + 1);
            assertThat(transport.uri("/v2/").getScheme()).isEqualTo("http");
        }
    }

    @Test
    void secureRequestToAPlainHttpRegistryNeedsTheInsecureFlag() {
        try (var transport = transport(plainRelay, TransportOptions.defaults())) {
            assertThatThrownBy(() -> transport.send(manifestRequest(transport)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
                        assertThat(e.isTransient()).isFalse();
                    })
                    .hasMessage("the repository 127.0.0.1:" + plainRelay.port() + "/" + REPO
                            + " is HTTP only and requires the insecure flag to import");
        }
    }

    private static RegistryTransport transport(CountingRelay relay, TransportOptions options) {
        return RegistryTransport.create(
                "127.0.0.1:" + relay.port(), options.withAllowedPrivateHosts(Set.of("127.0.0.1")));
    }

    private static RegistryRequest manifestRequest(RegistryTransport transport) {
        return RegistryRequest.get(transport.uri("/v2/" + REPO + "/manifests/" + image.digest()), BodyLimits.MANIFEST)
                .withHeader("Accept", MediaTypes.MANIFEST_ACCEPT);
    }

    private static void selfSignedCertificate(Path openssl, Path certificate, Path key)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        openssl.toString(),
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:prime256v1",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString(),
                        "-days",
                        CERTIFICATE_DAYS,
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("openssl.log").toFile())
                .start();
        if (!process.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl failed:\n" + Files.readString(temp.resolve("openssl.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalRegistryConfig.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
