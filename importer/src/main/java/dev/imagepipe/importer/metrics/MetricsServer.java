package dev.imagepipe.importer.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operational HTTP endpoint of an app, on the JDK's built-in server: {@code GET /metrics} (the registry's
 * scrape), {@code GET /healthz} (200 while the process serves at all) and {@code GET /readyz} (200 when the supplied
 * check says ready, else 503). HEAD is answered too; other methods get 405, other paths 404. Requests are handled on
 * the server's one dispatcher thread: scrapes are cheap and rare, so no pool is worth its threads.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    /** Let a scrape in progress finish on close, but never hold shutdown longer than this (seconds). */
    static final int STOP_GRACE_SECONDS = 1;

    /** The JDK server's default: connections waiting to be accepted. */
    private static final int DEFAULT_BACKLOG = 0;

    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves on {@code port} of every local address, so a scraper outside the pod or container can reach it; 0 picks
     * a free port (see {@link #port()}).
     */
    public static MetricsServer start(int port, MetricsRegistry registry, BooleanSupplier ready) throws IOException {
        return start(new InetSocketAddress(port), registry, ready);
    }

    /** Serves on {@code address}. */
    public static MetricsServer start(InetSocketAddress address, MetricsRegistry registry, BooleanSupplier ready)
            throws IOException {
        return start(address, registry, ready, Map.of(), Optional.empty());
    }

    /**
     * Serves on {@code address} with extra endpoints beside the operational ones, for an app whose API is itself a
     * small HTTP endpoint (the auditor's ImageReview webhook) and so needs no second server.
     *
     * @param handlers handler per path prefix, e.g. {@code /apis/}; the JDK server routes by the longest matching
     *     prefix, so these never shadow {@code /metrics}, {@code /healthz} or {@code /readyz}
     * @param executor the threads requests run on; empty keeps the single dispatcher thread, enough for scrapes only
     */
    public static MetricsServer start(
            InetSocketAddress address,
            MetricsRegistry registry,
            BooleanSupplier ready,
            Map<String, HttpHandler> handlers,
            Optional<Executor> executor)
            throws IOException {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(ready, "ready");
        HttpServer server = HttpServer.create(address, DEFAULT_BACKLOG);
        server.createContext("/", exchange -> handle(exchange, registry, ready));
        handlers.forEach(server::createContext);
        executor.ifPresent(server::setExecutor);
        server.start();
        return new MetricsServer(server);
    }

    /** The port bound, also when 0 was asked for. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
    }

    private static void handle(HttpExchange exchange, MetricsRegistry registry, BooleanSupplier ready)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response = method.equals("GET") || method.equals("HEAD")
                    ? respondTo(exchange.getRequestURI().getPath(), registry, ready)
                    : new Response(405, TEXT, "method not allowed\n");
            send(exchange, response);
        }
    }

    private record Response(int status, String contentType, String body) {}

    private static Response respondTo(String path, MetricsRegistry registry, BooleanSupplier ready) {
        return switch (path) {
            case "/metrics" -> scrape(registry);
            case "/healthz" -> new Response(200, TEXT, "ok\n");
            case "/readyz" ->
                isReady(ready) ? new Response(200, TEXT, "ready\n") : new Response(503, TEXT, "not ready\n");
            default -> new Response(404, TEXT, "not found\n");
        };
    }

    /** A failing gauge supplier fails this scrape with a 500 and a log line, not the server. */
    private static Response scrape(MetricsRegistry registry) {
        try {
            return new Response(200, MetricsRegistry.CONTENT_TYPE, registry.scrape());
        } catch (RuntimeException e) {
            LOG.warn("scrape failed", e);
            return new Response(500, TEXT, "scrape failed\n");
        }
    }

    /** A readiness check that throws is as good as not ready. */
    private static boolean isReady(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed", e);
            return false;
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        if (response.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
