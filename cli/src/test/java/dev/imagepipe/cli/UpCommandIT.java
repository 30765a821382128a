package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code imagepipe.jar} as a separate process, the way a newcomer does. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class UpCommandIT {

    private static final Path JAR = Path.of("target", "imagepipe.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void aSecondUpFindsTopicsAndSchemaIdsOfTheFirstAndCtrlCStopsBoth() throws Exception {
        assertThat(JAR).as("the runnable jar is built in the package phase").exists();
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[]}";

        Process first = startUp();
        List<String> firstLines = readUntilReady(first);
        HttpResponse<String> registered = http(
                endpoint(firstLines, "schema registry") + "/subjects/probe-value/versions",
                "{\"schema\": \"" + schema + "\"}");
        assertThat(stop(first)).as("exit status after SIGTERM").isIn(0, 143);

        Process second = startUp();
        try {
            List<String> secondLines = readUntilReady(second);
            HttpResponse<String> lookedUp =
                    http(endpoint(secondLines, "schema registry") + "/subjects/probe-value/versions/latest", null);

            assertThat(firstLines).anyMatch(line -> line.contains("10 created, 0 verified"));
            assertThat(secondLines).anyMatch(line -> line.contains("0 created, 10 verified"));
            assertThat(registered.statusCode()).isEqualTo(200);
            assertThat(lookedUp.statusCode()).isEqualTo(200);
            assertThat(lookedUp.body())
                    .contains(registered.body().replace("{", "").replace("}", ""))
                    .contains("\"version\":1");
        } finally {
            assertThat(stop(second)).as("exit status after SIGTERM").isIn(0, 143);
        }
    }

    @Test
    void topicsListsTheCatalogAgainstARunningPipeline() throws Exception {
        Process up = startUp();
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
            stop(up);
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

    private Process startUp() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-jar",
                        JAR.toString(),
                        "up",
                        "--data-dir",
                        data.toString(),
                        "--kafka-port",
                        "0",
                        "--controller-port",
                        "0",
                        "--registry-port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static List<String> readUntilReady(Process up) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        BufferedReader reader = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Press Ctrl-C")) {
                return lines;
            }
        }
        throw new AssertionError("imagepipe up did not become ready; output:\n" + String.join("\n", lines));
    }

    /** Sends SIGTERM, as Ctrl-C's shutdown path does, and waits for a clean exit. */
    private static int stop(Process up) throws InterruptedException {
        up.destroy();
        if (!up.waitFor(60, TimeUnit.SECONDS)) {
            up.destroyForcibly();
            throw new AssertionError("imagepipe up did not stop within 60 s of SIGTERM");
        }
        return up.exitValue();
    }
}
