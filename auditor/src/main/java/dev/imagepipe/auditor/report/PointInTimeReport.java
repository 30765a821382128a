package dev.imagepipe.auditor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagepipe.auditor.history.PointInTimeAnswer;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.ObservationEntry;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.SignatureState;
import dev.imagepipe.auditor.log.TagPoint;

/** A point-in-time answer as text for people or JSON for scripts. */
public final class PointInTimeReport {

    private PointInTimeReport() {}

    public static String text(PointInTimeAnswer answer) {
        StringBuilder out = new StringBuilder();
        out.append(answer.tag()).append(" at ").append(answer.at()).append('\n');
        if (answer.state().current().isEmpty()) {
            out.append("  pointed at no image")
                    .append(answer.state().deleted() ? " (deleted)" : "")
                    .append('\n');
        }
        answer.state().current().ifPresent(image -> {
            out.append("  image:      ").append(image.image()).append('\n');
            out.append("  reference:  ").append(image.dockerImageReference()).append('\n');
            out.append("  since:      ")
                    .append(image.created())
                    .append(" (generation ")
                    .append(image.generation())
                    .append(")\n");
        });
        answer.state().decidedBy().ifPresent(event -> out.append("  set by:     ")
                .append(event.get().kind().wireName())
                .append(" at ")
                .append(event.get().eventTime())
                .append(event.get().requestUid().map(uid -> ", request " + uid).orElse(""))
                .append(" (")
                .append(event.position())
                .append(")\n"));
        answer.state().failure().ifPresent(f -> out.append("  failing:    ")
                .append(f.describe())
                .append('\n'));
        if (answer.state().current().isPresent()) {
            out.append("  fetched from (")
                    .append(answer.sourceMatch().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" match):");
            out.append(answer.sources().isEmpty() ? " no registry lookup in the log\n" : "\n");
            answer.sources().forEach(o -> out.append("    ").append(source(o)).append('\n'));
            out.append("  signatures:").append(answer.signatures().isEmpty() ? " none\n" : "\n");
            answer.signatures()
                    .forEach(s -> out.append("    ").append(verdict(s)).append('\n'));
        }
        return out.toString();
    }

    public static String json(PointInTimeAnswer answer) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("tag", answer.tag().toString());
        root.put("at", answer.at().toString());
        TagPoint image = answer.state().current().orElse(null);
        if (image == null) {
            root.putNull("image");
        } else {
            JsonReport.point(root.putObject("image"), image);
        }
        root.put("deleted", answer.state().deleted());
        answer.state().decidedBy().ifPresent(event -> root.putObject("setBy")
                .put("kind", event.get().kind().wireName())
                .put("eventTime", event.get().eventTime().toString())
                .put("requestUid", event.get().requestUid().orElse(null))
                .put("position", event.position().toString()));
        answer.state().failure().ifPresent(f -> root.put("failing", f.describe()));
        root.put("sourceMatch", answer.sourceMatch().name());
        ArrayNode sources = root.putArray("sources");
        for (Logged<ObservationEntry> record : answer.sources()) {
            ObservationEntry o = record.get();
            sources.addObject()
                    .put("repository", o.repository())
                    .put("pullSource", o.pullSource())
                    .put("viaMirror", o.viaMirror())
                    .put("observedAt", o.observedAt().toString())
                    .put("requestUid", o.requestUid().orElse(null))
                    .put("position", record.position().toString());
        }
        ArrayNode signatures = root.putArray("signatures");
        for (Logged<SignatureEntry> record : answer.signatures()) {
            SignatureEntry s = record.get();
            signatures
                    .addObject()
                    .put("name", s.name())
                    .put("type", s.type())
                    .put("trusted", s.trusted().map(SignatureState::status).orElse("Unknown"))
                    .put("reason", s.trusted().flatMap(SignatureState::reason).orElse(null))
                    .put("message", s.trusted().flatMap(SignatureState::message).orElse(null))
                    .put("position", record.position().toString());
        }
        return JsonReport.write(root);
    }

    private static String source(Logged<ObservationEntry> record) {
        ObservationEntry o = record.get();
        return o.pullSource() + (o.viaMirror() ? " (mirror of " + o.repository() + ")" : "") + " at " + o.observedAt()
                + o.requestUid().map(uid -> ", request " + uid).orElse("") + " (" + record.position() + ")";
    }

    private static String verdict(Logged<SignatureEntry> record) {
        SignatureEntry s = record.get();
        return s.name() + ": Trusted=" + s.trusted().map(SignatureState::status).orElse("Unknown")
                + s.trusted()
                        .flatMap(SignatureState::reason)
                        .map(r -> " (" + r + ")")
                        .orElse("")
                + s.trusted().flatMap(SignatureState::message).map(m -> " " + m).orElse("")
                + " (" + record.position() + ")";
    }
}
