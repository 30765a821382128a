package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUB HTTP/1.1 proxy in front of the real test registry that injects faults only it can produce: error statuses
 * with {@code Retry-After}, connections reset mid-body, bodies that stall, oversized bodies. Each request takes the
 * next queued {@link Fault}, or the default fault once the queue is empty ({@link Fault#PASS} unless changed). One
 * request per connection ({@code Connection: close}); handlers run on virtual threads.
 */
final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    sealed interface Fault {
        Fault PASS = new Pass();
    }

    /** Forward to the registry and relay its answer. */
    record Pass() implements Fault {}

    /** Answer {@code status} with {@code headers} and a registry-style error body carrying {@code code}. */
    record Status(int status, Map<String, String> headers, String code) implements Fault {}

    /** Forward, relay the headers and half the body, then reset the connection (RST). */
    record ResetMidBody() implements Fault {}

    /** Forward, relay the headers and a few body bytes, then go silent until the proxy closes. */
    record StallBody() implements Fault {}

    /** Answer 200 with a manifest content type and {@code bytes} of body, without {@code Content-Length}. */
    record Oversize(long bytes) implements Fault {}

    private final RegistryEndpoint upstream;
    private final ServerSocket server;
    /** Virtual-thread workers, so the proxy's own threads never count against the client's thread-leak checks. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Fault defaultFault = Fault.PASS;

    FaultProxy(RegistryEndpoint upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy-accept").start(this::acceptLoop);
    }

    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    FaultProxy enqueue(Fault... faults) {
        queue.addAll(List.of(faults));
        return this;
    }

    FaultProxy always(Fault fault) {
        defaultFault = fault;
        return this;
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> handle(socket));
            } catch (IOException closing) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            var reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = reader.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
            requests.incrementAndGet();
            Fault fault = queue.poll();
            serve(socket, requestLine.split(" "), headers, fault == null ? defaultFault : fault);
        } catch (IOException | InterruptedException clientWentAway) {
            // Expected for resets, stalls and oversized bodies the client abandons.
        }
    }

    private void serve(Socket socket, String[] requestLine, Map<String, String> headers, Fault fault)
            throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        switch (fault) {
            case Status status -> {
                byte[] body = ("{\"errors\":[{\"code\":\"" + status.code() + "\",\"message\":\"injected\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 " + status.status() + " Injected\r\n");
                status.headers()
                        .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Type: application/json\r\n");
                writeHead(out, head, body.length);
                out.write(body);
            }
            case Oversize oversize -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\n"
                                + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (long sent = 0; sent < oversize.bytes(); sent += chunk.length) {
                    out.write(chunk);
                }
            }
            default -> relay(socket, out, requestLine, headers, fault);
        }
        out.flush();
    }

    private void relay(Socket socket, OutputStream out, String[] requestLine, Map<String, String> headers, Fault fault)
            throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream.baseUri() + requestLine[1]))
                .method(requestLine[0], HttpRequest.BodyPublishers.noBody());
        for (String name : List.of("Accept", "Authorization")) {
            if (headers.containsKey(name)) {
                forward.header(name, headers.get(name));
            }
        }
        HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode() + " Relayed\r\n");
        for (String name : List.of(
                "Content-Type",
                "Docker-Content-Digest",
                "Docker-Distribution-API-Version",
                "Link",
                "WWW-Authenticate",
                "Location")) {
            response.headers()
                    .firstValue(name)
                    .ifPresent(v -> head.append(name).append(": ").append(v).append("\r\n"));
        }
        byte[] body = response.body();
        long length = "HEAD".equals(requestLine[0])
                ? response.headers().firstValueAsLong("Content-Length").orElse(0)
                : body.length;
        writeHead(out, head, length);
        switch (fault) {
            case ResetMidBody reset -> {
                out.write(body, 0, body.length / 2);
                out.flush();
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
            }
            case StallBody stall -> {
                out.write(body, 0, Math.min(8, body.length));
                out.flush();
                closed.await();
            }
            default -> out.write(body);
        }
    }

    private static void writeHead(OutputStream out, StringBuilder head, long contentLength) throws IOException {
        head.append("Content-Length: ").append(contentLength).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        client.close();
    }
}
