package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument handling of {@code tagger}, {@code get}, {@code watch} and {@code tag delete}; none needs Kafka. */
class TaggerCommandsTest {

    static final String NOWHERE = CommandLineTest.NOWHERE;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Imagepipe.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void registersTheTaggerCommands() {
        assertThat(Imagepipe.commandLine().getSubcommands()).containsKeys("tagger", "get", "watch", "tag");
        assertThat(Imagepipe.commandLine().getSubcommands().get("tag").getSubcommands())
                .containsKey("delete");
    }

    @Test
    void taggerPassesItsFlagsToTheLoaderUnderTheSettingsKeys() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs(
                "tagger",
                "-b",
                "k:9092",
                "--schema-registry",
                "http://sr:8081",
                "--metrics-port",
                "9464",
                "--config-file",
                "/etc/tagger.properties",
                "--set",
                "tagger.history.keep-newest=10",
                "-s",
                "kafka.security.protocol=SSL",
                "-s",
                "bootstrap.servers=overridden:9092");
        TaggerCommand command = commandLine.getSubcommands().get("tagger").getCommand();

        assertThat(command.flags())
                .isEqualTo(Map.of(
                        "bootstrap.servers", "k:9092",
                        "schema.registry.url", "http://sr:8081",
                        "metrics.port", "9464",
                        "config.file", "/etc/tagger.properties",
                        "tagger.history.keep-newest", "10",
                        "kafka.security.protocol", "SSL"));
    }

    @Test
    void taggerLeavesUnsetFlagsToTheEnvironmentAndFile() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs("tagger");
        TaggerCommand command = commandLine.getSubcommands().get("tagger").getCommand();

        assertThat(command.flags()).isEmpty();
    }

    @Test
    void taggerReportsEveryConfigurationProblemAndExitsTwo() {
        assumeTrue(System.getenv("IMAGEPIPE_SCHEMA_REGISTRY_URL") == null);
        assumeTrue(System.getenv("IMAGEPIPE_CONFIG_FILE") == null);

        int exit = run("tagger", "-b", NOWHERE, "-s", "tagger.history.keep-newest=0", "-s", "tagger.jiter-seed=1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "error: flag tagger.jiter-seed: unknown setting",
                        "error: schema.registry.url is required: set flag schema.registry.url,"
                                + " IMAGEPIPE_SCHEMA_REGISTRY_URL or schema.registry.url in the properties file",
                        "error: flag tagger.history.keep-newest: expected a positive integer, got '0'");
    }

    @Test
    void getRefusesAnUnknownResource() {
        assertThat(run("get", "pods", "-b", NOWHERE)).isEqualTo(2);
        assertThat(err.toString()).contains("streams, tags, images, signatures");
    }

    @Test
    void getSelectsByKeyOrEverythingUnderIt() {
        var tags = GetCommand.Resource.tags.select("team/app");
        var namespace = GetCommand.Resource.tags.select("team");
        var streams = GetCommand.Resource.streams.select("team");
        var signatures = GetCommand.Resource.signatures.select("sha256:ab");
        var images = GetCommand.Resource.images.select("sha256:ab");

        assertThat(tags.test("team/app:latest")).isTrue();
        assertThat(tags.test("team/app")).isTrue();
        assertThat(tags.test("team/apple:latest")).isFalse();
        assertThat(namespace.test("team/app:latest")).isTrue();
        assertThat(namespace.test("teamx/app:latest")).isFalse();
        assertThat(streams.test("team/app")).isTrue();
        assertThat(signatures.test("sha256:ab@sig-1")).isTrue();
        assertThat(images.test("sha256:ab")).isTrue();
        assertThat(images.test("sha256:abc")).isFalse();
        assertThat(GetCommand.Resource.images.select(null).test("anything")).isTrue();
    }

    @Test
    void watchFollowsAStreamsTagsOrOneTag() {
        assertThat(WatchCommand.select("team/app").test("team/app:latest")).isTrue();
        assertThat(WatchCommand.select("team/app").test("team/apple:latest")).isFalse();
        assertThat(WatchCommand.select("team/app:latest").test("team/app:latest"))
                .isTrue();
        assertThat(WatchCommand.select("team/app:latest").test("team/app:latest2"))
                .isFalse();
        assertThat(WatchCommand.select(null).test("any/thing:here")).isTrue();
    }

    @Test
    void watchRefusesABadNameBeforeConnecting() {
        assertThat(run("watch", "tags", "app", "-b", NOWHERE)).isEqualTo(2);
        assertThat(err.toString()).contains("must be namespace/stream[:tag]");
    }

    @Test
    void tagDeleteNeedsATagBeforeConnecting() {
        assertThat(run("tag", "delete", "team/app", "-b", NOWHERE)).isEqualTo(2);
        assertThat(err.toString()).contains("\"team/app\" names no tag");
    }
}
