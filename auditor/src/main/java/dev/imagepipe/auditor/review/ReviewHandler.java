package dev.imagepipe.auditor.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /apis/imagepolicy.k8s.io/v1alpha1/imagereviews}: reads an ImageReview, decides it, answers the
 * ImageReview with its status (seed 000). Anything that is not a decision is a non-2xx Kubernetes {@code Status}, so the
 * API server's failure policy ({@code defaultAllow}, A16) decides instead: 503 until the view has caught up, 400 for a
 * body that is not an ImageReview, 413 above {@link #MAX_BODY_BYTES}, 504 past the handler timeout, 405 for other
 * methods, 404 for other paths under the context.
 *
 * <p>Reading and deciding run on {@code workers} while the request thread waits at most the timeout, so a client that
 * stalls mid-body costs one worker until its connection closes, never an unbounded wait for the API server.
 */
final class ReviewHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewHandler.class);

    static final String PATH = "/apis/imagepolicy.k8s.io/v1alpha1/imagereviews";

    /**
     * Largest request body read. A review carries only images and the pod's {@code *.image-policy.k8s.io/*}
     * annotations, and Kubernetes caps all of a pod's annotations at 256 KiB; 1 MiB leaves room for hundreds of
     * containers and refuses anything that is not a review before it is parsed.
     */
    static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * Longest a request may take. Decisions are in-memory lookups (microseconds); only a slow body gets near this. It
     * is well under the API server's webhook timeout, so a stalled review becomes a clear 504 here rather than a
     * transport error there.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final String JSON = "application/json";

    private final Function<ReviewRequest, ReviewDecision> decider;
    private final BooleanSupplier ready;
    private final ReviewMetrics metrics;
    private final ExecutorService workers;
    private final Duration timeout;

    /**
     * @param decider decides a parsed review
     * @param ready whether the view has caught up; until then every review is answered 503
     * @param workers where bodies are read and reviews decided
     */
    ReviewHandler(
            Function<ReviewRequest, ReviewDecision> decider,
            BooleanSupplier ready,
            ReviewMetrics metrics,
            ExecutorService workers,
            Duration timeout) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    private record Response(int status, byte[] body) {}

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            Response response = respond(exchange, started);
            exchange.getResponseHeaders().set("Content-Type", JSON);
            if (response.status() == 405) {
                exchange.getResponseHeaders().set("Allow", "POST");
            }
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private Response respond(HttpExchange exchange, long started) {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return error(404, "NotFound", "no such path; reviews are POSTed to " + PATH);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(405, "MethodNotAllowed", "ImageReviews are created with POST");
        }
        if (!ready.getAsBoolean()) {
            return refused(
                    ReviewMetrics.Refusal.NOT_READY,
                    started,
                    503,
                    "ServiceUnavailable",
                    "the image policy view is still loading from Kafka; no decision can be made yet");
        }
        Future<Response> review = workers.submit(() -> review(exchange.getRequestBody(), started));
        try {
            return review.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            review.cancel(true);
            return refused(
                    ReviewMetrics.Refusal.TIMEOUT,
                    started,
                    504,
                    "Timeout",
                    "the review was not read and decided within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.error("review failed", e.getCause());
            return refused(
                    ReviewMetrics.Refusal.FAILED, started, 500, "InternalError", "the review failed unexpectedly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(
                    ReviewMetrics.Refusal.NOT_READY, started, 503, "ServiceUnavailable", "the webhook is stopping");
        }
    }

    private Response review(InputStream in, long started) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return refused(
                    ReviewMetrics.Refusal.TOO_LARGE,
                    started,
                    413,
                    "RequestEntityTooLarge",
                    "an ImageReview body is at most " + MAX_BODY_BYTES + " bytes");
        }
        ReviewRequest request;
        try {
            request = ImageReviewJson.parse(body);
        } catch (ImageReviewJson.MalformedReviewException e) {
            return refused(ReviewMetrics.Refusal.BAD_REQUEST, started, 400, "BadRequest", e.getMessage());
        }
        ReviewDecision decision = decider.apply(request);
        metrics.reviewed(decision, since(started));
        return new Response(200, ImageReviewJson.write(decision));
    }

    private Response refused(ReviewMetrics.Refusal refusal, long started, int status, String reason, String message) {
        metrics.refused(refusal, since(started));
        return error(status, reason, message);
    }

    private static Response error(int status, String reason, String message) {
        return new Response(status, ImageReviewJson.error(status, reason, message));
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
