package dev.imagepipe.importer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final MetricsRegistry registry = new MetricsRegistry();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        registry.counter("served_total", "Things served.").inc(5);
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, ready::get);
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void bindsAnEphemeralPortWhenAskedForZero() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void servesTheScrapeWithThePrometheusContentType() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(registry.scrape()).contains("served_total 5\n");
    }

    @Test
    void answersHealthzWithOk() throws Exception {
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void answersReadyzFromTheReadinessCheck() throws Exception {
        assertThat(get("/readyz").statusCode()).isEqualTo(503);

        ready.set(true);

        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void treatsAThrowingReadinessCheckAsNotReady() throws Exception {
        try (MetricsServer throwing =
                MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, () -> {
                    throw new IllegalStateException("boom");
                })) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(url(throwing, "/readyz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void failsTheScrapeButKeepsServingWhenAGaugeThrows() throws Exception {
        registry.gauge("broken", "Throws.", () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(get("/metrics").statusCode()).isEqualTo(500);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsWith404IncludingPrefixesOfKnownOnes() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/metricsx").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/sub").statusCode()).isEqualTo(404);
    }

    @Test
    void answersHeadWithoutABodyAndRefusesOtherMethods() throws Exception {
        HttpResponse<String> head = client.send(
                HttpRequest.newBuilder(url(server, "/healthz"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = client.send(
                HttpRequest.newBuilder(url(server, "/metrics"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void routesExtraHandlersByPrefixWithoutShadowingTheOperationalEndpoints() throws Exception {
        HttpHandler echo = exchange -> {
            byte[] body = ("api " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (MetricsServer withApi = MetricsServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                registry,
                ready::get,
                Map.of("/apis/", echo),
                Optional.of(threads))) {
            HttpResponse<String> api = client.send(
                    HttpRequest.newBuilder(url(withApi, "/apis/x/y")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(url(withApi, "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(api.body()).isEqualTo("api /apis/x/y");
            assertThat(health.body()).isEqualTo("ok\n");
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(MetricsServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
