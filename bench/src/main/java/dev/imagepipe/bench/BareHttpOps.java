package dev.imagepipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.MediaTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The baseline: the same requests as the client, on one shared {@link HttpClient}, with no auth handshake, retries,
 * limits, digest verification or parsing beyond finding the next digest to fetch.
 */
final class BareHttpOps implements RegistryOps, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    BareHttpOps(URI base) {
        this.base = base;
    }

    @Override
    public void head(String repository, String tag) throws IOException, InterruptedException {
        send(request(repository + "/manifests/" + tag).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public void fetchImage(String repository, String tag) throws IOException, InterruptedException {
        JsonNode manifest =
                JSON.readTree(send(request(repository + "/manifests/" + tag).GET()));
        send(request(repository + "/blobs/"
                        + manifest.path("config").path("digest").asText())
                .GET());
    }

    @Override
    public void expand(String repository, String tag) throws IOException, InterruptedException {
        JsonNode index =
                JSON.readTree(send(request(repository + "/manifests/" + tag).GET()));
        for (JsonNode child : index.path("manifests")) {
            fetchImage(repository, child.path("digest").asText());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve("/v2/" + path))
                .timeout(TIMEOUT)
                .header("Accept", MediaTypes.MANIFEST_ACCEPT);
    }

    private byte[] send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(response.request().uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        http.close();
    }
}
