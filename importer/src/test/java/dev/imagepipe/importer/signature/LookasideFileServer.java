package dev.imagepipe.importer.signature;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain static file server over a directory, which is all a lookaside store is: {@code GET /a/b} answers the bytes
 * of {@code <root>/a/b}, or 404. Paths escaping the root are 404 too. Records each requested path.
 */
final class LookasideFileServer implements AutoCloseable {

    private final Path root;
    private final HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    LookasideFileServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI baseUri() {
        return URI.create("http://" + host() + ":" + server.getAddress().getPort());
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    List<String> requested() {
        return List.copyOf(requested);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requested.add(path);
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
