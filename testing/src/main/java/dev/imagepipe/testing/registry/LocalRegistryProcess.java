package dev.imagepipe.testing.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CNCF distribution registry binary as a child process on a loopback port, with its config, storage and log in a
 * temporary directory that {@link #close} deletes.
 */
public final class LocalRegistryProcess implements RegistryServer {

    private static final Logger log = LoggerFactory.getLogger(LocalRegistryProcess.class);

    /** The registry serves {@code /v2/} well under a second after start; this is a generous bound for busy CI. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /** How often start-up polls {@code GET /v2/}. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    /** Time the registry gets to exit on SIGTERM before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path workDirectory;
    private final Path logFile;
    private final RegistryEndpoint endpoint;
    private final Optional<LocalRegistryConfig.Tls> tls;
    private final Thread shutdownHook;

    private LocalRegistryProcess(
            Process process,
            Path workDirectory,
            Path logFile,
            RegistryEndpoint endpoint,
            Optional<LocalRegistryConfig.Tls> tls) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.logFile = logFile;
        this.endpoint = endpoint;
        this.tls = tls;
        // If the JVM dies without the extension closing us, do not leave a registry running.
        this.shutdownHook = new Thread(process::destroyForcibly, "stop-local-registry");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the Debian binary on a free port with filesystem storage in a fresh temporary directory. */
    public static LocalRegistryProcess start(Path binary) {
        return start(binary, List.of());
    }

    /** As {@link #start(Path)}, with extra top-level YAML sections (see {@link LocalRegistryConfig}). */
    public static LocalRegistryProcess start(Path binary, List<String> extraSections) {
        try {
            Path work = Files.createTempDirectory("imagepipe-registry-");
            var config = new LocalRegistryConfig(binary, work.resolve("storage"), freePort(), extraSections);
            return start(config, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the registry with the given configuration, keeping config and log in {@code workDirectory}. */
    public static LocalRegistryProcess start(LocalRegistryConfig config, Path workDirectory) throws IOException {
        Files.createDirectories(config.storageDirectory());
        Path configFile = Files.writeString(workDirectory.resolve("config.yml"), config.yaml());
        Path logFile = workDirectory.resolve("registry.log");
        Process process = new ProcessBuilder(config.binary().toString(), "serve", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        var registry = new LocalRegistryProcess(
                process,
                workDirectory,
                logFile,
                new RegistryEndpoint(LocalRegistryConfig.LOOPBACK, config.port()),
                config.tls());
        try {
            registry.awaitReady();
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        log.info("local registry ready at {} (log: {})", registry.baseUri(), logFile);
        return registry;
    }

    @Override
    public RegistryEndpoint endpoint() {
        return endpoint;
    }

    /**
     * {@code https://host:port} when the registry serves TLS, else {@code http://host:port}; {@link #endpoint()}'s URIs
     * are always plain HTTP.
     */
    public URI baseUri() {
        return URI.create((tls.isPresent() ? "https" : "http") + "://" + endpoint.hostPort());
    }

    /** The registry's combined stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already in shutdown: the hook runs anyway, harmlessly.
        }
        deleteRecursively(workDirectory);
    }

    private void awaitReady() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        tls.ifPresent(files -> builder.sslContext(trusting(files.certificate())));
        HttpClient client = builder.build();
        Awaitility.await("registry at " + baseUri() + " answering GET /v2/")
                .atMost(STARTUP_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .pollInSameThread()
                .until(() -> answers(client));
    }

    private boolean answers(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("registry exited with status " + process.exitValue() + ":\n" + logText());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + "/v2/"))
                    .timeout(Duration.ofSeconds(1))
                    .build();
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            // A registry with an auth: section answers 401 once it is serving.
            return status == 200 || status == 401;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    /** A TLS context trusting only the registry's own (self-signed) certificate, for the readiness probe. */
    private static SSLContext trusting(Path certificatePem) {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry(
                    "registry", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + certificatePem + ": " + e.getMessage(), e);
        }
    }

    private String logText() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalRegistryConfig.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", root, e.toString());
        }
    }
}
