package dev.imagepipe.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.image.ImageLayer;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.testing.Prerequisites;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher reads the fixtures as {@code skopeo inspect}, an independent client, does. */
@ContainerRegistry
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ImageFetcherSkopeoIT {

    private static final String REPO = "fetch/skopeo-it";

    /** Inspecting a local registry takes well under a second; this bounds a hung skopeo. */
    private static final long SKOPEO_TIMEOUT_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path skopeo;
    private static RegistryEndpoint registry;
    private static RegistryClient client;
    private static ImageFetcher fetcher;

    @BeforeAll
    static void push(RegistryEndpoint endpoint) {
        skopeo = Prerequisites.requireExecutable("skopeo", "apt-get install skopeo");
        var fixtures = new ImageFixtures(endpoint);
        fixtures.pushOciImage(REPO, "oci");
        fixtures.pushDockerImage(REPO, "docker");
        registry = endpoint;
        client = new RegistryClient();
        fetcher = new ImageFetcher(client, PlatformChooser.withoutDefault(), RequestOptions.defaults());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci", "docker"})
    void digestLayersPlatformAndLabelsMatchSkopeoInspect(String tag) throws Exception {
        JsonNode inspected = inspect(tag);

        FetchResult result = fetcher.fetch(FetchRequest.of(
                        ImageReference.parse(registry.reference(REPO, tag)), TestPolicies.naming(registry.hostPort()))
                .withInsecure(true));

        assertThat(result).isInstanceOf(FetchResult.Imported.class);
        ImportedImage image = ((FetchResult.Imported) result).image();
        assertThat(image.name()).isEqualTo(inspected.get("Digest").asText());
        assertThat(image.layers().stream().map(ImageLayer::name).toList()).isEqualTo(texts(inspected.get("Layers")));
        assertThat(image.metadata().architecture())
                .isEqualTo(inspected.get("Architecture").asText());
        assertThat(image.metadata().os()).isEqualTo(inspected.get("Os").asText());
        assertThat(image.metadata().config().labels()).isEqualTo(JSON.convertValue(inspected.get("Labels"), Map.class));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static JsonNode inspect(String tag) throws IOException, InterruptedException {
        List<String> command = List.of(
                skopeo.toString(), "inspect", "--tls-verify=false", "docker://" + registry.reference(REPO, tag));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(SKOPEO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " timed out");
        }
        assertThat(process.exitValue()).as(command + ": " + err).isZero();
        return JSON.readTree(out);
    }
}
