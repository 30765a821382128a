package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.metrics.MetricsRegistry;
import dev.imagepipe.importer.metrics.MetricsServer;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ImageReview webhook as a running service: the view fed from Kafka ({@link ViewFeed}) and one HTTP server with
 * {@code POST /apis/imagepolicy.k8s.io/v1alpha1/imagereviews}, {@code /healthz}, {@code /readyz} (200 once the view
 * has caught up) and {@code /metrics}. {@link #start} returns as soon as the port is bound; reviews are answered 503
 * until the view is ready. {@link #close} stops the server, then the feed.
 */
public final class ReviewService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    /**
     * Threads that accept requests and threads that read and decide them (each). Decisions take microseconds and the
     * API server caches answers (A16), so a few threads absorb a burst of pod creations; more would only compete with
     * the feed on a small node.
     */
    static final int REQUEST_THREADS = 4;

    private final ViewFeed feed;
    private final ExecutorService requestThreads;
    private final ExecutorService workerThreads;
    private final MetricsServer server;
    private final MetricsRegistry metricsRegistry;
    private final ImagePolicyView view;

    private ReviewService(ReviewConfig config) throws IOException {
        Topics topics = Topics.create(
                config.topicPrefix(),
                Topics.DEFAULT_PARTITIONS,
                ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, config.schemaRegistryUrl())));
        this.view = new ImagePolicyView(config.policyName());
        this.metricsRegistry = new MetricsRegistry();
        // The gauge reads the feed created next; until then the view is not ready.
        var created = new AtomicReference<ViewFeed>();
        ReviewMetrics metrics = new ReviewMetrics(
                metricsRegistry,
                view,
                () -> created.get() != null && created.get().ready(),
                ViewFeed.topicNames(topics));
        this.feed = new ViewFeed(config.bootstrapServers(), topics, new AvroViewUpdates(view), metrics);
        created.set(feed);
        this.requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS, threads("imagepipe-auditor-http-"));
        this.workerThreads = Executors.newFixedThreadPool(REQUEST_THREADS, threads("imagepipe-auditor-review-"));
        ReviewDecider decider = new ReviewDecider(view);
        ReviewHandler handler =
                new ReviewHandler(decider::decide, feed::ready, metrics, workerThreads, ReviewHandler.DEFAULT_TIMEOUT);
        try {
            this.server = MetricsServer.start(
                    new InetSocketAddress(config.port()),
                    metricsRegistry,
                    feed::ready,
                    Map.of(ReviewHandler.PATH, handler),
                    Optional.of(requestThreads));
        } catch (IOException e) {
            feed.close();
            requestThreads.shutdownNow();
            workerThreads.shutdownNow();
            throw e;
        }
    }

    /**
     * Binds the port and starts feeding the view.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ReviewService start(ReviewConfig config) {
        LOG.info("starting the ImageReview webhook: {}", config);
        ReviewService service;
        try {
            service = new ReviewService(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the ImageReview webhook on port " + config.port(), e);
        }
        service.feed.start();
        return service;
    }

    /** The HTTP port bound, also when 0 was asked for. */
    public int port() {
        return server.port();
    }

    /** Whether the view has caught up and reviews are decided (the {@code /readyz} answer). */
    public boolean ready() {
        return feed.ready();
    }

    public MetricsRegistry metrics() {
        return metricsRegistry;
    }

    /** The view reviews are decided from; read-only use, e.g. for diagnostics. */
    public ImagePolicyView view() {
        return view;
    }

    @Override
    public void close() {
        server.close();
        requestThreads.shutdownNow();
        workerThreads.shutdownNow();
        feed.close();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
