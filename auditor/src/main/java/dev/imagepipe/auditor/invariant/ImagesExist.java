package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link Rule#IMAGE_EXISTS}: the image every tag event points a tag at is in {@code images}. Judged against what
 * {@code images} holds at the end of the replay, not at the event's offset: the two topics are written by different
 * apps and have no order between them, and compaction keeps only an image's latest record.
 */
public final class ImagesExist {

    private ImagesExist() {}

    public static List<Violation> check(AuditLog log) {
        Map<String, Logged<ImageEntry>> images = AuditLog.latestByKey(log.images());
        List<Violation> violations = new ArrayList<>();
        for (Logged<TagEventEntry> record : log.tagEvents()) {
            if (record.value().isEmpty() || record.get().event().isEmpty()) {
                continue;
            }
            TagEventEntry event = record.get();
            TagPoint point = event.event().get();
            Logged<ImageEntry> image = images.get(point.image());
            Evidence cause = Evidence.of(record, event.kind() + " " + event.tag() + " to " + point.image());
            if (image == null) {
                violations.add(Violation.of(
                        Rule.IMAGE_EXISTS,
                        event.tag() + " points at " + point.image() + ", which is not in images",
                        cause));
            } else if (image.value().isEmpty()) {
                violations.add(Violation.of(
                        Rule.IMAGE_EXISTS,
                        event.tag() + " points at " + point.image() + ", which images deleted (tombstone)",
                        cause,
                        Evidence.of(image, "tombstone for " + point.image())));
            }
        }
        return violations;
    }
}
