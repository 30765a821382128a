package dev.imagepipe.cli;

import dev.imagepipe.auditor.command.ProgressBar;
import dev.imagepipe.auditor.command.ReplayCommand;
import dev.imagepipe.auditor.command.ReplayOptions;
import dev.imagepipe.auditor.command.Times;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code imagepipe audit replay}: wires the flags to {@link ReplayCommand}. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Read every audited topic from the beginning, check the invariants and report each violation"
                + " with its topic, partition and offset. Exit status 1 when there are violations.")
final class AuditReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditOptions audit;

    @Option(names = "--since", paramLabel = "TIME", description = "Report only records stamped at or after TIME.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Read only records stamped at or before TIME.")
    String until;

    @Option(
            names = "--format",
            paramLabel = "text|json|html",
            description = "Report format (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        ReplayOptions options;
        try {
            options = new ReplayOptions(
                    new Window(time(since), time(until)),
                    ReportFormat.parse(format),
                    Optional.ofNullable(out),
                    ProgressBar.stderrIsTerminal());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return new ReplayCommand(Clock.systemUTC())
                .run(
                        audit.auditConnection(),
                        options,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
    }

    private static Optional<Instant> time(String text) {
        return Optional.ofNullable(text).map(Times::parse);
    }
}
