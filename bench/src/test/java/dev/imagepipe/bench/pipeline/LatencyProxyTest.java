package dev.imagepipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real loopback echo server; only what arrives is asserted, never how long it took. */
class LatencyProxyTest {

    private ServerSocket echo;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread.ofVirtual().start(() -> echoUntilEnd(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    @Test
    void relaysEveryByteInOrderBothWaysAndPassesOnTheEndOfTheRequest() throws IOException {
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", echo.getLocalPort(), Duration.ofMillis(2));
                Socket client = connect(proxy)) {
            StringBuilder sent = new StringBuilder();
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < 50; i++) {
                String part = "GET /v2/repo/manifests/tag-" + i + " HTTP/1.1\r\n";
                sent.append(part);
                out.write(part.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            client.shutdownOutput();

            String received = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(received).isEqualTo(sent.toString());
        }
    }

    @Test
    void carriesBodiesLargerThanItsBuffer() throws IOException {
        byte[] body = new byte[LatencyProxy.BUFFER_BYTES * 5 + 17];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", echo.getLocalPort(), Duration.ZERO);
                Socket client = connect(proxy)) {
            Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write(body);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(client.getInputStream().readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void closingTheProxyEndsOpenConnections() throws IOException {
        LatencyProxy proxy = LatencyProxy.start("127.0.0.1", echo.getLocalPort(), Duration.ZERO);
        try (Socket client = connect(proxy)) {
            client.getOutputStream().write('x');
            InputStream in = client.getInputStream();
            assertThat(in.read()).isEqualTo('x');

            proxy.close();

            assertThat(in.read()).as("end of stream once the proxy is closed").isEqualTo(-1);
        }
    }

    @Test
    void refusesANegativeDelay() {
        assertThatThrownBy(() -> LatencyProxy.start("127.0.0.1", echo.getLocalPort(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Socket connect(LatencyProxy proxy) throws IOException {
        String[] hostPort = proxy.hostPort().split(":");
        return new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    private static void echoUntilEnd(Socket socket) {
        try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
            socket.shutdownOutput();
        } catch (IOException e) {
            // The test closed its side; nothing more to echo.
        }
    }
}
