package dev.imagepipe.auditor.report;

import static dev.imagepipe.auditor.report.Html.escape;

import dev.imagepipe.auditor.history.PointInTime;
import dev.imagepipe.auditor.history.TagState;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.invariant.Evidence;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.SignatureState;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay report as one self-contained HTML page (inline style, no scripts, nothing fetched): a summary, the
 * violations with their records' offsets, then a section per stream with a timeline table per tag. Each timeline row
 * is one tag event (image set, moved, import failed, recovered, deleted) with the latest signature verdicts on the
 * image it set. Rows carry {@code data-tag} and {@code data-kind}, tags {@code data-tag}, so tools can find them.
 */
public final class HtmlReport {

    /** Digests are shown shortened to the algorithm and this many hex digits; the full digest is in the title. */
    static final int SHORT_DIGEST_HEX = 12;

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#1d1d1f;background:#fff}
            h1{font-size:1.6em}h2{border-bottom:2px solid #ccd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}
            th,td{border:1px solid #dde;padding:.3em .6em;text-align:left;vertical-align:top;font-size:.9em}
            th{background:#f0f0f6}code{font-family:ui-monospace,monospace}
            .clean{color:#116611;font-weight:bold}.dirty{color:#aa1111;font-weight:bold}
            tr.Added td.kind,tr.Moved td.kind{color:#114488}tr.ImportFailed td.kind{color:#aa1111}
            tr.Recovered td.kind{color:#116611}tr.Deleted td.kind{color:#666}
            .sig{display:inline-block;border-radius:3px;padding:0 .4em;margin:0 .2em .2em 0}
            .sig.True{background:#dfd}.sig.False{background:#fdd}.sig.Unknown{background:#eee}
            .flag{background:#fee;border-left:4px solid #a11;padding:.3em .6em}
            """;

    private HtmlReport() {}

    public static String render(AuditReport report) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>imagepipe audit</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        summary(report, out);
        violations(report, out);
        Map<String, List<TagTimeline>> streams = new LinkedHashMap<>();
        report.histories().values().forEach(t -> streams.computeIfAbsent(t.tag().streamKey(), k -> new ArrayList<>())
                .add(t));
        streams.forEach((stream, tags) -> stream(report, stream, tags, out));
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void summary(AuditReport report, StringBuilder out) {
        out.append("<h1>imagepipe audit</h1>\n<p>Replay ")
                .append(escape(report.windowDescription()))
                .append(", generated ")
                .append(escape(report.generatedAt().toString()))
                .append(".</p>\n<p class=\"")
                .append(report.clean() ? "clean\">Clean: every invariant holds." : "dirty\">")
                .append(report.clean() ? "" : report.violations().size() + " violation(s).")
                .append("</p>\n<table class=\"summary\"><tr><th>topic</th><th>records read</th></tr>\n");
        report.recordsRead().forEach((topic, count) -> out.append("<tr><td><code>")
                .append(escape(topic))
                .append("</code></td><td>")
                .append(count)
                .append("</td></tr>\n"));
        out.append("</table>\n");
        report.missingTopics().forEach(t -> out.append("<p class=\"flag\">Topic <code>")
                .append(escape(t))
                .append("</code> does not exist; read as empty.</p>\n"));
        if (!report.projectionsCompared()) {
            out.append("<p>The compacted <code>tags</code> and <code>streams</code> were not compared: --until cuts"
                    + " the log.</p>\n");
        }
    }

    private static void violations(AuditReport report, StringBuilder out) {
        if (report.clean()) {
            return;
        }
        out.append("<h2 id=\"violations\">Violations</h2>\n<table class=\"violations\">")
                .append("<tr><th>rule</th><th>what</th><th>records (topic/partition@offset)</th></tr>\n");
        for (Violation v : report.violations()) {
            out.append("<tr class=\"violation\" data-rule=\"")
                    .append(v.rule().name())
                    .append("\"><td>")
                    .append(escape(v.rule().title()))
                    .append("</td><td>")
                    .append(escape(v.message()))
                    .append("</td><td>");
            for (Evidence e : v.records()) {
                out.append("<code>")
                        .append(escape(e.position().toString()))
                        .append("</code> ")
                        .append(escape(e.summary()))
                        .append("<br>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void stream(AuditReport report, String stream, List<TagTimeline> tags, StringBuilder out) {
        out.append("<section class=\"stream\" data-stream=\"")
                .append(escape(stream))
                .append("\"><h2>Stream <code>")
                .append(escape(stream))
                .append("</code></h2>\n");
        for (TagTimeline timeline : tags) {
            tag(report, timeline, out);
        }
        out.append("</section>\n");
    }

    private static void tag(AuditReport report, TagTimeline timeline, StringBuilder out) {
        TagKey key = timeline.tag();
        TagState state = timeline.state();
        out.append("<div class=\"tag\" data-tag=\"")
                .append(escape(key.toString()))
                .append("\"><h3>:")
                .append(escape(key.tag()))
                .append(" &rarr; ")
                .append(state.current().map(c -> digest(c.image())).orElse(state.deleted() ? "deleted" : "no image"))
                .append("</h3>\n");
        List<Violation> flagged = report.violationsOf(key);
        if (!flagged.isEmpty()) {
            out.append("<p class=\"flag\">").append(flagged.size()).append(" violation(s) involve this tag.</p>\n");
        }
        out.append("<table class=\"timeline\"><tr><th>event time</th><th>event</th><th>image</th><th>details</th>")
                .append("<th>signatures (latest verdict)</th><th>offset</th></tr>\n");
        timeline.events().forEach(record -> row(report, key, TimelineRow.of(record), out));
        out.append("</table></div>\n");
    }

    private static void row(AuditReport report, TagKey key, TimelineRow row, StringBuilder out) {
        out.append("<tr class=\"event ")
                .append(row.kind())
                .append("\" data-tag=\"")
                .append(escape(key.toString()))
                .append("\" data-kind=\"")
                .append(row.kind())
                .append("\"><td>")
                .append(escape(row.record().get().eventTime().toString()))
                .append("</td><td class=\"kind\">")
                .append(row.kind())
                .append("</td><td>")
                .append(row.image().map(HtmlReport::image).orElse(""))
                .append("</td><td>")
                .append(escape(row.detail()))
                .append("</td><td>")
                .append(row.image().map(i -> signatures(report, i.image())).orElse(""))
                .append("</td><td><code>")
                .append(escape(row.record().position().toString()))
                .append("</code></td></tr>\n");
    }

    private static String image(TagPoint point) {
        return digest(point.image()) + "<br><small><code>" + escape(point.dockerImageReference()) + "</code></small>";
    }

    private static String digest(String digest) {
        int colon = digest.indexOf(':');
        String shown = colon >= 0 && digest.length() > colon + 1 + SHORT_DIGEST_HEX
                ? digest.substring(0, colon + 1 + SHORT_DIGEST_HEX)
                : digest;
        return "<code title=\"" + escape(digest) + "\">" + escape(shown) + "</code>";
    }

    private static String signatures(AuditReport report, String digest) {
        List<Logged<SignatureEntry>> verdicts = PointInTime.signaturesAt(report.log(), digest, Instant.MAX);
        if (verdicts.isEmpty()) {
            return "<small>none</small>";
        }
        StringBuilder out = new StringBuilder();
        for (Logged<SignatureEntry> record : verdicts) {
            SignatureEntry signature = record.get();
            String status = signature.trusted().map(SignatureState::status).orElse("Unknown");
            String reason = signature.trusted().flatMap(SignatureState::reason).orElse("not verified");
            out.append("<span class=\"sig ")
                    .append(escape(status))
                    .append("\" title=\"")
                    .append(escape(signature.name() + ": "
                            + signature
                                    .trusted()
                                    .flatMap(SignatureState::message)
                                    .orElse("")))
                    .append("\">Trusted=")
                    .append(escape(status))
                    .append(" (")
                    .append(escape(reason))
                    .append(")</span>");
        }
        return out.toString();
    }
}
