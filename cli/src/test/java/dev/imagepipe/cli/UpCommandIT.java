package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.testing.JarProcess;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code imagepipe.jar} as a separate process, the way a newcomer does. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class UpCommandIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void aSecondUpFindsTopicsAndSchemaIdsOfTheFirstAndCtrlCStopsBoth() throws Exception {
        assertThat(JarProcess.JAR)
                .as("the runnable jar is built in the package phase")
                .exists();
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[]}";

        JarProcess first = startUp();
        List<String> firstLines = readUntilReady(first);
        HttpResponse<String> registered = http(
                endpoint(firstLines, "schema registry") + "/subjects/probe-value/versions",
                "{\"schema\": \"" + schema + "\"}");
        assertThat(first.stop()).as("exit status after SIGTERM").isIn(0, 143);

        JarProcess second = startUp();
        try {
            List<String> secondLines = readUntilReady(second);
            HttpResponse<String> lookedUp =
                    http(endpoint(secondLines, "schema registry") + "/subjects/probe-value/versions/latest", null);

            assertThat(firstLines).anyMatch(line -> line.contains("10 created, 0 verified"));
            assertThat(firstLines).anyMatch(line -> line.trim().startsWith("importer") && line.contains("started"));
            assertThat(firstLines).anyMatch(line -> line.trim().startsWith("tagger") && line.contains("started"));
            assertThat(secondLines).anyMatch(line -> line.contains("0 created, 10 verified"));
            assertThat(registered.statusCode()).isEqualTo(200);
            assertThat(lookedUp.statusCode()).isEqualTo(200);
            assertThat(lookedUp.body())
                    .contains(registered.body().replace("{", "").replace("}", ""))
                    .contains("\"version\":1");
        } finally {
            assertThat(second.stop()).as("exit status after SIGTERM").isIn(0, 143);
        }
    }

    @Test
    void topicsListsTheCatalogAgainstARunningPipeline() throws Exception {
        JarProcess up = startUp();
        try {
            String bootstrap = endpoint(readUntilReady(up), "kafka bootstrap servers");
            StringWriter out = new StringWriter();
            int exit = Imagepipe.commandLine()
                    .setOut(new PrintWriter(out))
                    .execute("topics", "--bootstrap-server", bootstrap);

            assertThat(exit).isZero();
            assertThat(out.toString())
                    .contains("imagepipe.images")
                    .containsPattern("imagepipe\\.tag\\.events\\s+6\\s+delete\\s+-1")
                    .containsPattern("imagepipe\\.policy\\s+1\\s+compact");
        } finally {
            up.stop();
        }
    }

    /** The value printed after {@code label} in the ready banner. */
    private static String endpoint(List<String> banner, String label) {
        return banner.stream()
                .filter(line -> line.contains(label))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + banner));
    }

    /** The word printed after {@code label} and before {@code followedBy} in the ready banner. */
    private static String endpoint(List<String> banner, String label, String followedBy) {
        return banner.stream()
                .filter(line -> line.contains(label) && line.contains(followedBy))
                .map(line -> line.substring(0, line.indexOf(followedBy)).strip())
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + banner));
    }

    /** GET, or POST of {@code json} when given, with the schema registry's content type. */
    private static HttpResponse<String> http(String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        if (json != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** {@code imagepipe up} on free ports with this test's data directory, and {@code extra} flags. */
    private JarProcess startUp(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "up",
                "--data-dir",
                data.toString(),
                "--kafka-port",
                "0",
                "--controller-port",
                "0",
                "--registry-port",
                "0"));
        args.addAll(List.of(extra));
        return JarProcess.start(args);
    }

    /** The output up to the ready banner's last line. */
    private static List<String> readUntilReady(JarProcess up) throws InterruptedException {
        return up.awaitLine(line -> line.startsWith("Press Ctrl-C"), READY_WITHIN);
    }

    /** {@code imagepipe up} with a registry to import from. */
    @Nested
    @ContainerRegistry
    class WithTheImporter {

        @Test
        void importsFromALoopbackRegistryThroughTheImporterItRunsUnderThePolicyItApplied(
                RegistryEndpoint registry, @TempDir Path documents) throws Exception {
            PushedImage image = new ImageFixtures(registry).pushOciImage("up/app", "v1");
            // A plain-HTTP registry on loopback needs both: the policy marks it insecure, --set lets the
            // importer connect to a loopback address at all.
            Path policy = Files.writeString(
                    documents.resolve("policy.yaml"),
                    "registrySources:\n  insecureRegistries: [\"" + registry.hostPort() + "\"]\n");

            try (JarProcess up = startUp(
                    "--policy",
                    policy.toString(),
                    "--set",
                    "importer.allowed-private-hosts=" + registry.host(),
                    "--set",
                    "metrics.port=0")) {
                List<String> banner = readUntilReady(up);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = Imagepipe.commandLine()
                        .setOut(new PrintWriter(out))
                        .setErr(new PrintWriter(err))
                        .execute(
                                "import",
                                registry.reference("up/app", "v1"),
                                "--to",
                                "team/app",
                                "--wait",
                                "-o",
                                "json",
                                "--bootstrap-server",
                                endpoint(banner, "kafka bootstrap servers"),
                                "--schema-registry",
                                endpoint(banner, "schema registry"));

                assertThat(exit).as("import exit status; stderr: %s", err).isZero();
                assertThat(out.toString()).contains(image.digest());
                assertThat(banner)
                        .anyMatch(line -> line.contains("policy") && line.contains("\"cluster\" applied"))
                        .anyMatch(line -> line.contains("importer") && line.contains("started"));
                String metrics = endpoint(banner, "importer metrics", "(also");
                assertThat(http(metrics, null).body())
                        .contains("imagepipe_importer_imports_total{outcome=\"success\"} 1\n");
                assertThat(up.stop()).as("exit status after SIGTERM").isIn(0, 143);
            }
        }
    }
}
