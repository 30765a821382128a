package dev.imagepipe.importer.registry.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.AuthSession;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import dev.imagepipe.importer.registry.transport.RetryPolicy;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob verification against an in-process server that serves whatever bytes it likes. */
class GetBlobTest {

    private static final byte[] CONTENT = "{\"architecture\":\"amd64\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private RegistryTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/app/blobs/", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            exchange.getResponseBody().write(CONTENT);
            exchange.close();
        });
        server.start();
        transport = RegistryTransport.create(
                "127.0.0.1:" + server.getAddress().getPort(),
                TransportOptions.defaults()
                        .withInsecure(true)
                        .withAllowedPrivateHosts(Set.of("127.0.0.1"))
                        .withRetry(RetryPolicy.NONE));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    @Test
    void returnsBytesThatHashToTheDigest() {
        String digest = GetBlob.digestOf("sha256", CONTENT);

        assertThat(GetBlob.get(repository(), digest)).isEqualTo(CONTENT);
    }

    @Test
    void bytesThatDoNotHashToTheDigestAreAnIntegrityMismatch() {
        String other = GetBlob.digestOf("sha256", "something else".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> GetBlob.get(repository(), other))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INTEGRITY_MISMATCH))
                .hasMessageContaining(other);
    }

    @Test
    void refusesReferencesThatAreNotDigests() {
        assertThatThrownBy(() -> GetBlob.get(repository(), "../../etc/passwd"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                        .isEqualTo(FailureReason.INVALID_REFERENCE));
    }

    private RemoteRepository repository() {
        return new RemoteRepository(transport, AuthSession.pull(transport.registry(), "app", List.of()), "app");
    }
}
