package dev.imagepipe.auditor.report;

import dev.imagepipe.auditor.history.TagState;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.invariant.Evidence;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.TagPoint;

/** A replay report for a terminal: summary, violations with their records, then one line per tag. */
public final class TextReport {

    private TextReport() {}

    public static String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("imagepipe audit replay, ")
                .append(report.windowDescription())
                .append('\n');
        out.append("read:");
        report.recordsRead()
                .forEach((topic, count) ->
                        out.append(' ').append(topic).append('=').append(count));
        out.append('\n');
        report.missingTopics()
                .forEach(t ->
                        out.append("missing topic (read as empty): ").append(t).append('\n'));
        out.append("projections: ")
                .append(report.projectionsCompared() ? "compared" : "not compared (--until cuts the log)")
                .append('\n');
        out.append(report.clean() ? "clean: no violations" : report.violations().size() + " violation(s)")
                .append('\n');
        for (Violation violation : report.violations()) {
            out.append("\n[")
                    .append(violation.rule().title())
                    .append("] ")
                    .append(violation.message())
                    .append('\n');
            for (Evidence e : violation.records()) {
                out.append("    ")
                        .append(e.position())
                        .append("  key ")
                        .append(e.key())
                        .append("  ")
                        .append(e.timestamp())
                        .append("  ")
                        .append(e.summary())
                        .append('\n');
            }
        }
        out.append("\ntags:\n");
        for (TagTimeline timeline : report.histories().values()) {
            TagState state = timeline.state();
            out.append("  ")
                    .append(timeline.tag())
                    .append("  ")
                    .append(state.current().map(TagPoint::image).orElse(state.deleted() ? "(deleted)" : "(no image)"))
                    .append(state.failure()
                            .map(f -> "  failing: " + f.describe())
                            .orElse(""))
                    .append("  (")
                    .append(timeline.events().size())
                    .append(" events)\n");
        }
        return out.toString();
    }
}
