package dev.imagepipe.auditor.command;

import dev.imagepipe.auditor.invariant.Invariants;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.replay.Replay;
import dev.imagepipe.auditor.replay.ReplayException;
import dev.imagepipe.auditor.replay.ReplayResult;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.auditor.report.AuditReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code imagepipe audit replay}: reads every audited topic from the beginning, checks the invariants, and writes the
 * report. Exit status {@link ExitStatus#OK} when clean, {@link ExitStatus#FINDINGS} with violations,
 * {@link ExitStatus#ERROR} when the log cannot be read or the report cannot be written.
 */
public final class ReplayCommand {

    private final Clock clock;

    /** @param clock stamps the report (only the report: the audit itself runs on record time) */
    public ReplayCommand(Clock clock) {
        this.clock = clock;
    }

    public int run(AuditConnection connection, ReplayOptions options, PrintWriter out, PrintWriter err) {
        AuditReport report;
        ProgressBar progress = new ProgressBar(err, options.progress());
        try {
            report = audit(connection.replay(), connection.policyName(), options, progress);
        } catch (ReplayException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitStatus.ERROR;
        } finally {
            progress.clear();
        }
        String rendered = options.format().render(report);
        if (options.outputFile().isPresent()) {
            Path file = options.outputFile().get();
            try {
                Files.writeString(file, rendered);
            } catch (IOException e) {
                err.println("error: could not write " + file + ": " + e.getMessage());
                err.flush();
                return ExitStatus.ERROR;
            }
            out.println(
                    (report.clean() ? "clean" : report.violations().size() + " violation(s)") + "; report in " + file);
        } else {
            out.print(rendered);
        }
        out.flush();
        return report.clean() ? ExitStatus.OK : ExitStatus.FINDINGS;
    }

    /** The report of one replay. */
    AuditReport audit(Replay replay, String policyName, ReplayOptions options, ProgressBar progress) {
        ReplayResult result = replay.run(Source.ALL, options.window(), progress);
        List<Violation> violations = new ArrayList<>(Invariants.check(result.log(), policyName, options.window()));
        violations.addAll(Invariants.inWindow(result.recordViolations(), options.window()));
        violations.sort(Violation.ORDER);
        return new AuditReport(
                clock.instant(),
                options.window(),
                result.recordsRead(),
                result.missingTopics(),
                Invariants.comparesProjections(options.window()),
                violations,
                result.log());
    }
}
