package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code imagepipe audit}'s wiring and its handling of bad input, which ends before any connection is made. */
class AuditCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine =
                Imagepipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void registersReplayAndAtUnderAudit() {
        assertThat(Imagepipe.commandLine().getSubcommands()).containsKey("audit");
        assertThat(Imagepipe.commandLine().getSubcommands().get("audit").getSubcommands())
                .containsKeys("replay", "at");
    }

    @Test
    void rejectsATimeThatIsNotOne() {
        int exit = run("audit", "replay", "-b", CommandLineTest.NOWHERE, "--since", "last tuesday");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("\"last tuesday\" is not a time");
    }

    @Test
    void rejectsASinceAfterTheUntil() {
        int exit =
                run("audit", "replay", "-b", CommandLineTest.NOWHERE, "--since", "2024-03-02", "--until", "2024-03-01");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("is after --until");
    }

    @Test
    void rejectsAnUnknownFormat() {
        int exit = run("audit", "replay", "-b", CommandLineTest.NOWHERE, "--format", "yaml");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("use text, json or html");
    }

    @Test
    void rejectsATagThatIsNotNamespaceStreamTag() {
        int exit = run("audit", "at", "-b", CommandLineTest.NOWHERE, "2024-03-01", "stream:tag");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("is not of the form namespace/stream:tag");
    }

    @Test
    void rejectsAnUnknownAtOutput() {
        int exit = run("audit", "at", "-b", CommandLineTest.NOWHERE, "2024-03-01", "ns/s:t", "-o", "yaml");

        assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_TIMEOUT);
        assertThat(err.toString()).contains("use text or json");
    }
}
