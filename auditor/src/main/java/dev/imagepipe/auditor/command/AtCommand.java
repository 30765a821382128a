package dev.imagepipe.auditor.command;

import dev.imagepipe.auditor.history.PointInTime;
import dev.imagepipe.auditor.history.PointInTimeAnswer;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.replay.ReplayException;
import dev.imagepipe.auditor.replay.ReplayProgress;
import dev.imagepipe.auditor.replay.ReplayResult;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.auditor.report.PointInTimeReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code imagepipe audit at <time> ns/stream:tag}: what the tag pointed at then, from {@code tag.events} alone, where
 * the image was fetched from ({@code observations}) and the signature verdicts on it then ({@code signatures}). Only
 * records stamped at or before the time are read. Exit status {@link ExitStatus#OK} when the tag pointed at an image,
 * {@link ExitStatus#FINDINGS} when it pointed at none, {@link ExitStatus#ERROR} when the log cannot be read.
 */
public final class AtCommand {

    /**
     * @param json JSON instead of text
     * @param progress draws a progress bar, when standard error is a terminal
     */
    public int run(
            AuditConnection connection,
            Instant at,
            TagKey tag,
            boolean json,
            boolean progress,
            PrintWriter out,
            PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, progress);
        PointInTimeAnswer answer;
        try {
            answer = answer(connection, at, tag, bar);
        } catch (ReplayException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitStatus.ERROR;
        } finally {
            bar.clear();
        }
        out.print(json ? PointInTimeReport.json(answer) : PointInTimeReport.text(answer));
        out.flush();
        return answer.state().current().isPresent() ? ExitStatus.OK : ExitStatus.FINDINGS;
    }

    static PointInTimeAnswer answer(AuditConnection connection, Instant at, TagKey tag, ReplayProgress progress) {
        ReplayResult result =
                connection.replay().run(Source.POINT_IN_TIME, new Window(Optional.empty(), Optional.of(at)), progress);
        return PointInTime.answer(result.log(), tag, at);
    }
}
