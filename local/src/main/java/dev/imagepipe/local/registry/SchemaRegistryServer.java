package dev.imagepipe.local.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry serving the part of the Confluent Schema Registry REST API that serdes and common tools use:
 * register, look up, fetch by id, list subjects and versions, soft-delete, get and set the compatibility level, and
 * test compatibility. Bodies and error codes follow Confluent's ({@code {"error_code":40401,"message":...}}).
 *
 * <p>Limits: one server instance per store topic (ids are allocated by this instance alone, see {@link
 * KafkaSchemaStore}); AVRO schemas only, without references; HTTP on loopback without TLS or authentication; no
 * contexts, modes, exporters, hard deletes or {@code ?deleted=true} listings.
 *
 * <p>{@link #start} binds and serves at once; {@link #close} stops serving and closes the store.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    /**
     * Request threads. Every operation is serialized on the registry, so more threads only let slow clients not
     * block each other while they send or read bodies.
     */
    static final int HTTP_THREADS = 4;

    private final HttpServer http;
    private final ExecutorService executor;
    private final SchemaStore store;

    private SchemaRegistryServer(HttpServer http, ExecutorService executor, SchemaStore store) {
        this.http = http;
        this.executor = executor;
        this.store = store;
    }

    /** Opens the configured store (replaying it when it is Kafka) and starts serving. */
    public static SchemaRegistryServer start(SchemaRegistryConfig config) {
        SchemaStore store =
                config.kafkaStore().<SchemaStore>map(KafkaSchemaStore::open).orElseGet(InMemorySchemaStore::new);
        try {
            return start(config.port(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts serving {@code store} on loopback {@code port} (0: a free one); the server closes the store. */
    public static SchemaRegistryServer start(int port, SchemaStore store) {
        SchemaRegistry registry = new SchemaRegistry(store);
        Router router = new Router().route("GET", "/", r -> Response.ok(Response.object()));
        new SubjectsResource(registry).addTo(router);
        new SchemasResource(registry).addTo(router);
        new ConfigResource(registry).addTo(router);
        new CompatibilityResource(registry).addTo(router);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(
                HTTP_THREADS,
                Thread.ofPlatform()
                        .name("schema-registry-http-", 0)
                        .daemon(true)
                        .factory());
        http.createContext("/", router);
        http.setExecutor(executor);
        http.start();
        SchemaRegistryServer server = new SchemaRegistryServer(http, executor, store);
        log.info("schema registry serving at {}", server.url());
        return server;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}, for {@code schema.registry.url}. */
    public String url() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** The port actually bound. */
    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        store.close();
    }
}
