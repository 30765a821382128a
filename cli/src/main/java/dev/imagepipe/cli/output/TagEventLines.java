package dev.imagepipe.cli.output;

import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per tag event, as {@code imagepipe watch tags} prints them while they arrive: {@code TIME KIND TAG IMAGE
 * PREVIOUS REQUEST}, then for failures and recoveries the import condition's reason and message. Columns are two
 * spaces apart since later lines cannot widen earlier ones; an absent value is {@value #NONE}.
 */
public final class TagEventLines {

    /** Between columns. */
    static final String GAP = "  ";

    public static final String HEADER = String.join(GAP, "TIME", "KIND", "TAG", "IMAGE", "PREVIOUS", "REQUEST");

    static final String NONE = "-";

    private TagEventLines() {}

    /** The line for {@code record}, without a line break; {@code TAG} is {@code ns/stream:tag}. */
    public static String line(TagEventRecord record) {
        List<String> fields = new ArrayList<>(List.of(
                DateTimeFormatter.ISO_INSTANT.format(record.getEventTime()),
                record.getKind().name(),
                record.getNamespace() + "/" + record.getStream() + ":" + record.getTag(),
                image(record.getEvent()),
                image(record.getPrevious()),
                record.getRequestUid() == null ? NONE : record.getRequestUid()));
        TagEventCondition condition = record.getCondition();
        if (condition != null && (condition.getReason() != null || condition.getMessage() != null)) {
            fields.add(detail(condition));
        }
        return String.join(GAP, fields);
    }

    private static String image(TagEvent event) {
        return event == null ? NONE : event.getImage();
    }

    private static String detail(TagEventCondition condition) {
        String reason = condition.getReason() == null ? "" : condition.getReason();
        String message = condition.getMessage() == null
                ? ""
                : condition.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
        return reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message;
    }
}
