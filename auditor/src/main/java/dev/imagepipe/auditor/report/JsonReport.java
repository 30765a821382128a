package dev.imagepipe.auditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagepipe.auditor.history.TagState;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.invariant.Evidence;
import dev.imagepipe.auditor.invariant.Violation;
import dev.imagepipe.auditor.log.TagPoint;
import java.io.UncheckedIOException;

/**
 * A replay report for scripts: {@code clean}, {@code window}, {@code recordsRead}, {@code missingTopics},
 * {@code projectionsCompared}, {@code violations[]} ({@code rule}, {@code message}, {@code records[]} with
 * {@code topic}, {@code partition}, {@code offset}, {@code key}, {@code timestamp}, {@code summary}) and {@code tags[]}
 * (the rebuilt state of every tag, with its timeline).
 */
public final class JsonReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(AuditReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", report.generatedAt().toString());
        root.put("clean", report.clean());
        ObjectNode window = root.putObject("window");
        report.window().since().ifPresent(s -> window.put("since", s.toString()));
        report.window().until().ifPresent(u -> window.put("until", u.toString()));
        ObjectNode read = root.putObject("recordsRead");
        report.recordsRead().forEach(read::put);
        ArrayNode missing = root.putArray("missingTopics");
        report.missingTopics().forEach(missing::add);
        root.put("projectionsCompared", report.projectionsCompared());
        ArrayNode violations = root.putArray("violations");
        report.violations().forEach(v -> violation(violations.addObject(), v));
        ArrayNode tags = root.putArray("tags");
        report.histories().values().forEach(t -> tag(tags.addObject(), t));
        return write(root);
    }

    static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void violation(ObjectNode node, Violation violation) {
        node.put("rule", violation.rule().name());
        node.put("title", violation.rule().title());
        node.put("message", violation.message());
        ArrayNode records = node.putArray("records");
        for (Evidence e : violation.records()) {
            records.addObject()
                    .put("topic", e.position().topic())
                    .put("partition", e.position().partition())
                    .put("offset", e.position().offset())
                    .put("key", e.key())
                    .put("timestamp", e.timestamp().toString())
                    .put("summary", e.summary());
        }
    }

    private static void tag(ObjectNode node, TagTimeline timeline) {
        TagState state = timeline.state();
        node.put("tag", timeline.tag().toString());
        state.current().ifPresentOrElse(c -> point(node.putObject("current"), c), () -> node.putNull("current"));
        node.put("deleted", state.deleted());
        state.failure().ifPresent(f -> node.put("failing", f.describe()));
        ArrayNode events = node.putArray("events");
        for (var record : timeline.events()) {
            TimelineRow row = TimelineRow.of(record);
            ObjectNode event = events.addObject()
                    .put("offset", record.position().offset())
                    .put("partition", record.position().partition())
                    .put("eventTime", record.get().eventTime().toString())
                    .put("kind", row.kind());
            row.image().ifPresent(i -> point(event.putObject("image"), i));
            if (!row.detail().isEmpty()) {
                event.put("detail", row.detail());
            }
        }
    }

    static void point(ObjectNode node, TagPoint point) {
        node.put("image", point.image())
                .put("dockerImageReference", point.dockerImageReference())
                .put("created", point.created().toString())
                .put("generation", point.generation());
    }
}
