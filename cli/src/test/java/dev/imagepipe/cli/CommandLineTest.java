package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands' handling of bad input, which ends before any connection is made: these need no Kafka. A broker
 * address nothing listens on makes sure of it.
 */
class CommandLineTest {

    static final String NOWHERE = "127.0.0.1:1";

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commandLine =
                Imagepipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void registersPolicyAndImportNextToUpAndTopics() {
        assertThat(Imagepipe.commandLine().getSubcommands())
                .containsKeys("up", "importer", "topics", "policy", "import");
        assertThat(Imagepipe.commandLine().getSubcommands().get("policy").getSubcommands())
                .containsKeys("apply", "get");
    }

    @Test
    void connectionFlagsDefaultToTheLocalPipeline() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs("import", "busybox:1", "--to", "ns/bb");
        ImportCommand command = commandLine.getSubcommands().get("import").getCommand();

        // The IMAGEPIPE_* variables win over the built-in defaults; this checks the defaults, so needs them unset.
        assumeTrue(System.getenv("IMAGEPIPE_BOOTSTRAP_SERVERS") == null);
        assumeTrue(System.getenv("IMAGEPIPE_SCHEMA_REGISTRY_URL") == null);
        assumeTrue(System.getenv("IMAGEPIPE_TOPIC_PREFIX") == null);
        assertThat(command.connection.connection().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(command.connection.connection().schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(command.connection.connection().topicPrefix()).isEqualTo("imagepipe.");
    }

    @Test
    void connectionFlagsOverrideTheDefaults() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs(
                "policy",
                "apply",
                "-f",
                "p.yaml",
                "-b",
                "k:1",
                "--schema-registry",
                "http://r:2",
                "--topic-prefix",
                "x.");
        PolicyApplyCommand command = commandLine
                .getSubcommands()
                .get("policy")
                .getSubcommands()
                .get("apply")
                .getCommand();

        assertThat(command.connection.connection().bootstrapServers()).isEqualTo("k:1");
        assertThat(command.connection.connection().schemaRegistryUrl()).isEqualTo("http://r:2");
        assertThat(command.connection.connection().topicPrefix()).isEqualTo("x.");
    }

    @Test
    void policyApplyReportsADocumentErrorWithItsPathAndExitsTwo(@TempDir Path directory) throws IOException {
        Path policy = Files.writeString(directory.resolve("policy.yaml"), "registrySources: {insecure: [a]}\n");

        int exit = run("policy", "apply", "-f", policy.toString(), "-b", NOWHERE);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error: " + policy + ": registrySources.insecure: unknown field")
                .doesNotContain("Usage");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void importRefusesATaggedReferenceWithAll() {
        int exit = run("import", "quay.io/org/app:1.0", "--to", "ns/app", "--all", "-b", NOWHERE);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("you must specify an image repository, not a tag or ID");
    }

    @Test
    void importRefusesABadTarget() {
        int exit = run("import", "quay.io/org/app:1.0", "--to", "app", "-b", NOWHERE);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("\"app\" must be namespace/stream[:tag]");
    }

    @Test
    void importNeedsAReferenceAndATargetOrAFile() {
        assertThat(run("import", "quay.io/org/app:1.0", "-b", NOWHERE)).isEqualTo(2);
        assertThat(err.toString()).contains("give REF and --to NS/STREAM[:TAG], or -f FILE");
    }

    @Test
    void importRefusesRequestFlagsNextToAFile(@TempDir Path directory) throws IOException {
        Path isi = Files.writeString(directory.resolve("isi.yaml"), "{}");

        assertThat(run("import", "-f", isi.toString(), "--to", "ns/a", "--insecure", "-b", NOWHERE))
                .isEqualTo(2);
        assertThat(err.toString()).contains("-f takes the whole request from the file; drop --to --insecure");
    }

    @Test
    void importReportsAnInvalidDocumentWithItsPath(@TempDir Path directory) throws IOException {
        Path isi = Files.writeString(directory.resolve("isi.json"), """
                {"apiVersion": "image.openshift.io/v1", "kind": "ImageStreamImport",
                 "metadata": {"name": "app", "namespace": "ns"},
                 "spec": {"images": [{"from": {"kind": "DockerImage", "name": "a:1"}, "to": {"tag": "x"}}]}}
                """);

        assertThat(run("import", "-f", isi.toString(), "-b", NOWHERE)).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + isi + ": spec.images[0].to.tag: unknown field");
    }

    @Test
    void importRefusesAnUnknownModeAsAUsageError() {
        assertThat(run("import", "a:1", "--to", "ns/a", "--mode", "Newest", "-b", NOWHERE))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--mode");
    }

    @Test
    void importerMapsConnectionFlagsAndSetsOntoTheLoadersKeys(@TempDir Path directory) {
        CommandLine commandLine = Imagepipe.commandLine();
        Path file = directory.resolve("importer.properties");
        commandLine.parseArgs(
                "importer",
                "-b",
                "k:1",
                "--schema-registry",
                "http://r:2",
                "--topic-prefix",
                "x.",
                "--config",
                file.toString(),
                "--set",
                "importer.fetch.concurrency=4",
                "--set",
                "kafka.max.poll.records=50");
        ImporterCommand command = commandLine.getSubcommands().get("importer").getCommand();

        assertThat(command.flags())
                .containsOnly(
                        Map.entry("bootstrap.servers", "k:1"),
                        Map.entry("schema.registry.url", "http://r:2"),
                        Map.entry("topic.prefix", "x."),
                        Map.entry("config.file", file.toString()),
                        Map.entry("importer.fetch.concurrency", "4"),
                        Map.entry("kafka.max.poll.records", "50"));
    }

    @Test
    void importerLeavesUnsetConnectionFlagsToTheEnvironmentAndFile() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs("importer", "--set", "application.id=a");
        ImporterCommand command = commandLine.getSubcommands().get("importer").getCommand();

        assertThat(command.flags()).containsOnly(Map.entry("application.id", "a"));
    }

    @Test
    void importerReportsEverySettingProblemAndExitsTwoWithoutConnecting() {
        int exit = run(
                "importer",
                "-b",
                NOWHERE,
                "--schema-registry",
                "http://127.0.0.1:1",
                "--set",
                "importer.fetch.concurency=4",
                "--set",
                "num.stream.threads=none");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error: 2 configuration problems")
                .contains("flag importer.fetch.concurency: unknown setting")
                .contains("flag num.stream.threads");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void importerNeedsToBeToldWhereKafkaIs() {
        assumeTrue(System.getenv("IMAGEPIPE_BOOTSTRAP_SERVERS") == null);
        assumeTrue(System.getenv("IMAGEPIPE_CONFIG_FILE") == null);

        int exit = run("importer", "--schema-registry", "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bootstrap.servers is required");
    }

    @Test
    void importerRefusesASetContradictingAConnectionFlag() {
        int exit = run("importer", "-b", NOWHERE, "--set", "bootstrap.servers=127.0.0.1:2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("conflicts with --bootstrap-server");
    }

    @Test
    void upReportsABadPolicyDocumentBeforeStartingAnything(@TempDir Path directory) throws IOException {
        Path policy = Files.writeString(directory.resolve("policy.yaml"), "registrySources: {insecure: [a]}\n");

        int exit = run("up", "--data-dir", directory.resolve("data").toString(), "--policy", policy.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + policy + ": registrySources.insecure: unknown field");
        assertThat(out.toString()).doesNotContain("starting");
        assertThat(directory.resolve("data")).doesNotExist();
    }
}
