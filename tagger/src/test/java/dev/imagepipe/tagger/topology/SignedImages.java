package dev.imagepipe.tagger.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagepipe.importer.signature.CosignSignatures;
import dev.imagepipe.testing.fixture.Blob;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageFormat;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.fixture.RegistryPusher;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the importer finds signatures, set up for real: images pushed to a registry, simple-signing signatures as files
 * of a lookaside store served over HTTP (containers/image's layout, {@code <repo>@sha256=<hex>/signature-1}), and
 * cosign signatures as the OCI manifest at the image's {@code sha256-<hex>.sig} tag with the payload as a layer and the
 * base64 signature in its annotation — what {@code cosign sign} pushes.
 */
final class SignedImages implements AutoCloseable {

    private static final String LOOKASIDE_PATH = "/sigs";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryPusher pusher;
    private final Path root;
    private final HttpServer server;

    SignedImages(RegistryEndpoint registry, Path lookasideRoot) throws IOException {
        this.pusher = new ImageFixtures(registry).pusher();
        this.root = lookasideRoot.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(LOOKASIDE_PATH + "/", this::serve);
        server.start();
    }

    /** The base URL of the lookaside store, for a policy's {@code signatureStores}. */
    String lookasideUrl() {
        return "http://" + lookasideHost() + ":" + server.getAddress().getPort() + LOOKASIDE_PATH;
    }

    String lookasideHost() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** Pushes an OCI image whose digest no other {@code repository:tag} shares. */
    PushedImage push(String repository, String tag) {
        return pusher.push(repository, tag, ImageFixtures.taggedImage(ImageFormat.OCI, repository + ":" + tag));
    }

    /** Stores {@code signature} as the first lookaside signature of {@code repository@digest}. */
    void putLookaside(String repository, String digest, byte[] signature) {
        Path dir = root.resolve(repository + "@sha256=" + digest.substring("sha256:".length()));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("signature-1"), signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes a cosign signature of {@code digest}: {@code payload} as the layer, {@code base64Signature} annotated. */
    void pushCosign(String repository, String digest, byte[] payload, String base64Signature) {
        Blob config = new Blob(OCI_CONFIG, "{}".getBytes(StandardCharsets.UTF_8));
        Blob layer = new Blob(CosignSignatures.PAYLOAD_MEDIA_TYPE, payload);
        pusher.pushBlob(repository, config);
        pusher.pushBlob(repository, layer);
        Map<String, Object> layerDescriptor = new TreeMap<>(layer.descriptor());
        layerDescriptor.put("annotations", Map.of(CosignSignatures.SIGNATURE_ANNOTATION, base64Signature));
        Map<String, Object> manifest = Map.of(
                "schemaVersion",
                2,
                "mediaType",
                OCI_MANIFEST,
                "config",
                config.descriptor(),
                "layers",
                List.of(layerDescriptor));
        try {
            pusher.putManifest(
                    repository,
                    "sha256-" + digest.substring("sha256:".length()) + ".sig",
                    new Blob(OCI_MANIFEST, JSON.writeValueAsBytes(manifest)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(LOOKASIDE_PATH.length() + 1);
        Path file = root.resolve(path).normalize();
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
