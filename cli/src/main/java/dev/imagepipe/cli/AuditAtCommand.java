package dev.imagepipe.cli;

import dev.imagepipe.auditor.command.AtCommand;
import dev.imagepipe.auditor.command.ProgressBar;
import dev.imagepipe.auditor.command.Times;
import dev.imagepipe.auditor.log.TagKey;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagepipe audit at <time> ns/stream:tag}: wires the arguments to {@link AtCommand}. */
@Command(
        name = "at",
        mixinStandardHelpOptions = true,
        description = "What a tag pointed at at TIME, from which registry or mirror, with which signature verdicts,"
                + " from the event log alone. Exit status 1 when it pointed at no image.")
final class AuditAtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditOptions audit;

    @Parameters(index = "0", paramLabel = "TIME", description = "2024-03-01T12:00:00Z, an offset time, or a date.")
    String time;

    @Parameters(index = "1", paramLabel = "NS/STREAM:TAG", description = "The tag.")
    String tag;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "text|json",
            description = "Output format (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    String output;

    @Override
    public Integer call() {
        Instant at;
        TagKey key;
        try {
            at = Times.parse(time);
            key = TagKey.parse(tag);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!output.equals("text") && !output.equals("json")) {
            throw new ParameterException(spec.commandLine(), "unknown output \"" + output + "\": use text or json");
        }
        return new AtCommand()
                .run(
                        audit.auditConnection(),
                        at,
                        key,
                        output.equals("json"),
                        ProgressBar.stderrIsTerminal(),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
    }
}
