package dev.imagepipe.bench.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A STUB TCP proxy on loopback whose only job is to add delay: every byte a client sends reaches the upstream registry
 * {@code delay} later, as over a link with that one-way latency, and the answers come back untouched. An HTTP request
 * therefore takes {@code delay} longer however the client splits it into writes, and pipelined or pooled connections
 * keep working. It does not parse HTTP, inject faults or limit bandwidth.
 *
 * <p>In: the upstream {@code host:port} and the delay. Out: {@link #hostPort()}, the address clients use instead of the
 * registry's. Each connection uses three virtual threads (request reader, delayed writer, response copier).
 */
public final class LatencyProxy implements AutoCloseable {

    /** Read buffer per direction: a manifest request fits many times; a large response just takes several reads. */
    static final int BUFFER_BYTES = 16 * 1024;

    /** Marks the end of the client's stream in the delay line, so the writer half-closes the upstream connection. */
    private static final Chunk END = new Chunk(0, new byte[0]);

    private final String upstreamHost;
    private final int upstreamPort;
    private final long delayNanos;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Bytes read from the client, and when they may leave for the registry. */
    private record Chunk(long dueNanos, byte[] bytes) {}

    private LatencyProxy(String upstreamHost, int upstreamPort, Duration delay, ServerSocket server) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.delayNanos = delay.toNanos();
        this.server = server;
    }

    /** Listens on a free loopback port and forwards to {@code upstreamHost:upstreamPort} with {@code delay}. */
    public static LatencyProxy start(String upstreamHost, int upstreamPort, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        try {
            ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            LatencyProxy proxy = new LatencyProxy(upstreamHost, upstreamPort, delay, server);
            Thread.ofVirtual()
                    .name("latency-proxy-accept-" + server.getLocalPort())
                    .start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** {@code 127.0.0.1:port}: the registry name clients use to go through the proxy. */
    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                connect(client, upstream);
            } catch (IOException e) {
                // Accept fails once the proxy is closed; a refused upstream drops that one connection.
            }
        }
    }

    private void connect(Socket client, Socket upstream) throws IOException {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        Connection connection = new Connection(client, upstream);
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> readRequests(connection, line));
        Thread.ofVirtual().start(() -> writeDelayed(line, connection));
        Thread.ofVirtual().start(() -> copyResponses(connection));
    }

    /**
     * Both sockets of one proxied connection. Each direction half-closes its far side when its source ends, as TCP
     * does; the sockets close once both directions have ended, or at once when either fails.
     */
    private final class Connection {

        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger openDirections = new AtomicInteger(2);

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void directionEnded() {
            if (openDirections.decrementAndGet() == 0) {
                fail();
            }
        }

        void fail() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    // Socket streams are not closed one by one: closing either stream closes the whole socket, both directions.

    private void readRequests(Connection connection, BlockingQueue<Chunk> line) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = connection.client.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                line.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
            }
        } catch (IOException e) {
            // The connection failed or the proxy closed it: what was read so far still goes through.
        }
        line.add(END);
    }

    private void writeDelayed(BlockingQueue<Chunk> line, Connection connection) {
        try {
            OutputStream out = connection.upstream.getOutputStream();
            for (Chunk chunk = line.take(); chunk != END; chunk = line.take()) {
                awaitDue(chunk.dueNanos());
                out.write(chunk.bytes());
                out.flush();
            }
            connection.upstream.shutdownOutput();
            connection.directionEnded();
        } catch (IOException e) {
            connection.fail();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.fail();
        }
    }

    private void copyResponses(Connection connection) {
        try {
            connection.upstream.getInputStream().transferTo(connection.client.getOutputStream());
            connection.client.shutdownOutput();
            connection.directionEnded();
        } catch (IOException e) {
            connection.fail();
        }
    }

    /** Parks until {@code dueNanos}: chunks leave in arrival order, each exactly one delay after it arrived. */
    private static void awaitDue(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the socket is gone either way.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
        open.forEach(this::closeQuietly);
    }
}
