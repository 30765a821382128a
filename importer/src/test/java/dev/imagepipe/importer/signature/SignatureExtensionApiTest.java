package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.registry.transport.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry signature extension API against a stub: a JDK HttpServer that answers {@code /v2/} (optionally with
 * {@code X-Registry-Supports-Signatures: 1}), the extension endpoint with a canned list, and 404 to everything else. It
 * is a stub, not a registry: the CNCF registry the ITs use does not implement this API (only OpenShift's does).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SignatureExtensionApiTest {

    private static final String DIGEST = "sha256:" + "ef".repeat(32);
    private static final byte[] ATOMIC = "atomic-signature".getBytes(StandardCharsets.UTF_8);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile boolean advertise = true;
    private volatile int extensionStatus = 200;
    private RegistryClient client;
    private SignatureDiscovery discovery;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new RegistryClient();
        discovery = new SignatureDiscovery(client);
    }

    @AfterEach
    void stop() {
        discovery.close();
        client.close();
        server.stop(0);
    }

    @Test
    void takesOnlyAtomicSchemaVersion2EntriesWhenTheRegistryAdvertisesTheApi() {
        DiscoveryResult result = discover(SignatureStores.none());

        assertThat(result.failures()).isEmpty();
        assertThat(result.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.content()).isEqualTo(ATOMIC);
            assertThat(signature.source()).isEqualTo(SignatureSource.REGISTRY_EXTENSION);
            assertThat(signature.type()).isEqualTo(SignatureType.SIMPLE_SIGNING);
            assertThat(signature.name()).isEqualTo(DiscoveredSignature.name(DIGEST, ATOMIC));
        });
        assertThat(requests).contains("GET /extensions/v2/ns/app/signatures/" + DIGEST);
    }

    @Test
    void theExtensionApiSupersedesTheLookasideStore() {
        String lookaside = "http://" + host() + "/lookaside";
        discover(SignatureStores.of(List.of(new SignatureStores.Store(host(), lookaside))));

        assertThat(requests).noneMatch(request -> request.contains("/lookaside/"));
    }

    @Test
    void withoutTheHeaderTheExtensionIsNotAskedAndTheLookasideStoreIs() {
        advertise = false;

        DiscoveryResult result = discover(
                SignatureStores.of(List.of(new SignatureStores.Store(host() + "/ns", "http://" + host() + "/ls"))));

        assertThat(result.signatures()).isEmpty();
        assertThat(result.failures()).isEmpty();
        assertThat(requests).noneMatch(request -> request.contains("/extensions/"));
        assertThat(requests).contains("GET /ls/ns/app@sha256=" + "ef".repeat(32) + "/signature-1");
    }

    @Test
    void aFailingExtensionIsReportedNotThrown() {
        extensionStatus = 500;

        DiscoveryResult result = discover(SignatureStores.none());

        assertThat(result.signatures()).isEmpty();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(SignatureSource.REGISTRY_EXTENSION);
            assertThat(failure.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
        });
    }

    private DiscoveryResult discover(SignatureStores stores) {
        RequestOptions options = RequestOptions.defaults()
                .withInsecure(true)
                .withAllowedPrivateHosts(Set.of(server.getAddress().getAddress().getHostAddress()));
        options = options.withTransport(options.transport().withRetry(RetryPolicy.NONE));
        return discovery.discover(ImageReference.parse(host() + "/ns/app"), DIGEST, options, stores);
    }

    private String host() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (path.equals("/v2/")) {
            exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
            if (advertise) {
                exchange.getResponseHeaders().add("X-Registry-Supports-Signatures", "1");
            }
            respond(exchange, 200, "{}");
        } else if (path.equals("/extensions/v2/ns/app/signatures/" + DIGEST)) {
            String content = Base64.getEncoder().encodeToString(ATOMIC);
            respond(
                    exchange,
                    extensionStatus,
                    "{\"signatures\":[{\"schemaVersion\":2,\"type\":\"atomic\",\"name\":\"" + DIGEST + "@one\","
                            + "\"content\":\"" + content + "\"},"
                            + "{\"schemaVersion\":2,\"type\":\"other\",\"name\":\"x\",\"content\":\"AAAA\"},"
                            + "{\"schemaVersion\":1,\"type\":\"atomic\",\"name\":\"y\",\"content\":\"AAAA\"}]}");
        } else {
            respond(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"unknown\"}]}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
