package dev.imagepipe.importer.registry.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay to one port that counts the connections through it by their first byte: {@code 0x16} opens a
 * TLS handshake, anything else is plain HTTP. Lets a test see whether a client probed TLS without parsing logs.
 */
final class CountingRelay implements AutoCloseable {

    /** The TLS record type of a handshake message: the first byte of every ClientHello. */
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final ServerSocket server;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger tlsConnections = new AtomicInteger();
    private final AtomicInteger plainConnections = new AtomicInteger();

    CountingRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections that started with a TLS handshake record. */
    int tlsConnections() {
        return tlsConnections.get();
    }

    /** Connections that started with anything else. */
    int plainConnections() {
        return plainConnections.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            int first = client.getInputStream().read();
            if (first < 0) {
                return;
            }
            (first == TLS_HANDSHAKE_RECORD ? tlsConnections : plainConnections).incrementAndGet();
            upstream.getOutputStream().write(first);
            var back = threads.submit(() -> copy(upstream, client));
            copy(client, upstream);
            back.get();
        } catch (Exception connectionEnded) {
            // Either side closing or resetting ends the relay of this connection; nothing to report.
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException closed) {
            // The other direction notices on its own.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
