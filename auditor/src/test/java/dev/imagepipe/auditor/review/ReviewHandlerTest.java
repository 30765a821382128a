package dev.imagepipe.auditor.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.importer.metrics.MetricsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImagePolicyView view = new ImagePolicyView("cluster");
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final MetricsRegistry registry = new MetricsRegistry();
    private final ReviewMetrics metrics = new ReviewMetrics(registry, view, ready::get, "images");
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newHttpClient();
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
        client.close();
    }

    @Test
    void answersAReviewWithTheDecision() throws Exception {
        serve(new ReviewDecider(view)::decide, ReviewHandler.DEFAULT_TIMEOUT);

        HttpResponse<String> response = post(ImageReviewJsonTest.API_SERVER_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode status = JSON.readTree(response.body()).get("status");
        assertThat(status.get("allowed").booleanValue()).isFalse();
        assertThat(status.get("reason").asText()).startsWith("image \"myrepo/myimage:v1\" denied (UnresolvedTag)");
        assertThat(metrics(ReviewMetrics.REVIEWS + "{decision=\"denied\"}")).isEqualTo("1");
    }

    @Test
    void answers503WithAStatusUntilTheViewIsReady() throws Exception {
        ready.set(false);
        serve(new ReviewDecider(view)::decide, ReviewHandler.DEFAULT_TIMEOUT);

        HttpResponse<String> response = post(ImageReviewJsonTest.API_SERVER_REQUEST);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.get("kind").asText()).isEqualTo("Status");
        assertThat(status.get("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(status.get("message").asText()).contains("still loading");
        assertThat(metrics(ReviewMetrics.REFUSED + "{reason=\"not_ready\"}")).isEqualTo("1");
    }

    @Test
    void answers400ForABodyThatIsNotAnImageReview() throws Exception {
        serve(new ReviewDecider(view)::decide, ReviewHandler.DEFAULT_TIMEOUT);

        HttpResponse<String> response = post("{\"kind\": \"Pod\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("BadRequest");
    }

    @Test
    void answers413ForABodyAboveTheCap() throws Exception {
        serve(new ReviewDecider(view)::decide, ReviewHandler.DEFAULT_TIMEOUT);

        HttpResponse<String> response = post(" ".repeat(ReviewHandler.MAX_BODY_BYTES + 1));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void refusesOtherMethodsAndPaths() throws Exception {
        serve(new ReviewDecider(view)::decide, ReviewHandler.DEFAULT_TIMEOUT);

        HttpResponse<String> get = client.send(
                HttpRequest.newBuilder(url(ReviewHandler.PATH)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> below = client.send(
                HttpRequest.newBuilder(url(ReviewHandler.PATH + "/x"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(below.statusCode()).isEqualTo(404);
    }

    @Test
    void answers504WhenADecisionOutlastsTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        serve(
                request -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new ReviewDecision(true, "", Map.of());
                },
                Duration.ofMillis(50));
        try {
            HttpResponse<String> response = post(ImageReviewJsonTest.API_SERVER_REQUEST);

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("Timeout");
        } finally {
            release.countDown();
        }
    }

    private void serve(Function<ReviewRequest, ReviewDecision> decider, Duration timeout) throws Exception {
        ReviewHandler handler = new ReviewHandler(decider, ready::get, metrics, workers, timeout);
        server = MetricsServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                registry,
                ready::get,
                Map.of(ReviewHandler.PATH, handler),
                Optional.empty());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(url(ReviewHandler.PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The value of one series in the scrape. */
    private String metrics(String series) {
        return registry.scrape()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> line.substring(series.length() + 1))
                .findFirst()
                .orElse("absent");
    }
}
