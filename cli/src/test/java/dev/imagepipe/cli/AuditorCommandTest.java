package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.review.ReviewConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AuditorCommandTest {

    @Test
    void isRegisteredAsImagepipeAuditor() {
        assertThat(Imagepipe.commandLine().getSubcommands()).containsKey("auditor");
    }

    @Test
    void buildsTheWebhookConfigFromTheConnectionFlagsPortAndPolicy() {
        CommandLine commandLine = Imagepipe.commandLine();
        commandLine.parseArgs(
                "auditor",
                "-b",
                "kafka:9092",
                "--schema-registry",
                "http://registry:8081",
                "--topic-prefix",
                "prod.",
                "--port",
                "0",
                "--policy",
                "strict");
        AuditorCommand command = commandLine.getSubcommands().get("auditor").getCommand();

        assertThat(command.config())
                .isEqualTo(new ReviewConfig("kafka:9092", "http://registry:8081", "prod.", 0, "strict"));
    }

    @Test
    void refusesAPortOutOfRangeBeforeConnecting() {
        StringWriter err = new StringWriter();
        int status = Imagepipe.commandLine()
                .setErr(new PrintWriter(err))
                .execute("auditor", "-b", CommandLineTest.NOWHERE, "--port", "70000");

        assertThat(status).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("port must be 0 (any free port) to 65535, not 70000");
    }
}
