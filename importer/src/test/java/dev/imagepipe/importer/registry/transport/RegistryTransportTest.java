package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirect handling against two in-process HTTP servers on loopback: one "registry", one "storage" host. */
class RegistryTransportTest {

    private static final String SECRET_HEADER = "Bearer registry-token-not-for-storage";

    private HttpServer registry;
    private HttpServer storage;
    private final ConcurrentMap<String, String> authorizationSeen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        storage = server();
        storage.createContext("/blob", exchange -> answer(exchange, "storage"));
        registry = server();
        registry.createContext(
                "/v2/cross-host",
                exchange -> redirect(
                        exchange, "http://localhost:" + storage.getAddress().getPort() + "/blob"));
        registry.createContext("/v2/same-host", exchange -> redirect(exchange, "/v2/target"));
        registry.createContext("/v2/target", exchange -> answer(exchange, "registry"));
        registry.createContext("/v2/loop", exchange -> redirect(exchange, "/v2/loop"));
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        storage.stop(0);
    }

    @Test
    void dropsAuthorizationWhenARedirectChangesHost() {
        try (var transport = transport(Set.of("127.0.0.1", "localhost"))) {
            RegistryResponse response = transport.send(RegistryRequest.get(transport.uri("/v2/cross-host"), 1024)
                    .withHeader("Authorization", SECRET_HEADER));

            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("storage");
            assertThat(authorizationSeen.get("storage")).isEqualTo("(none)");
        }
    }

    @Test
    void keepsAuthorizationOnSameHostRedirects() {
        try (var transport = transport(Set.of("127.0.0.1"))) {
            transport.send(RegistryRequest.get(transport.uri("/v2/same-host"), 1024)
                    .withHeader("Authorization", SECRET_HEADER));

            assertThat(authorizationSeen.get("registry")).isEqualTo(SECRET_HEADER);
        }
    }

    @Test
    void checksEveryRedirectHopAgainstTheAddressGuard() {
        try (var transport = transport(Set.of("127.0.0.1"))) {
            assertThatThrownBy(() -> transport.send(RegistryRequest.get(transport.uri("/v2/cross-host"), 1024)))
                    .isInstanceOfSatisfying(
                            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.BLOCKED))
                    .hasMessageContaining("localhost")
                    .hasMessageContaining("loopback");
            assertThat(authorizationSeen).doesNotContainKey("storage");
        }
    }

    @Test
    void stopsRedirectLoops() {
        try (var transport = transport(Set.of("127.0.0.1"))) {
            assertThatThrownBy(() -> transport.send(RegistryRequest.get(transport.uri("/v2/loop"), 1024)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason())
                            .isEqualTo(FailureReason.REGISTRY_UNAVAILABLE))
                    .hasMessageContaining("redirects");
        }
    }

    private RegistryTransport transport(Set<String> allowed) {
        return RegistryTransport.create(
                "127.0.0.1:" + registry.getAddress().getPort(),
                TransportOptions.defaults()
                        .withInsecure(true)
                        .withAllowedPrivateHosts(allowed)
                        .withRetry(RetryPolicy.NONE));
    }

    private void answer(HttpExchange exchange, String who) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizationSeen.put(who, authorization == null ? "(none)" : authorization);
        byte[] body = who.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        return server;
    }
}
