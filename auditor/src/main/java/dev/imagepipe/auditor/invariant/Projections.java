package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.history.TagHistories;
import dev.imagepipe.auditor.history.TagState;
import dev.imagepipe.auditor.history.TagTimeline;
import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.StreamEntry;
import dev.imagepipe.auditor.log.TagCondition;
import dev.imagepipe.auditor.log.TagHistoryView;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import dev.imagepipe.auditor.log.TagViewEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Rule#PROJECTION_MATCHES}: the latest {@code tags} view of each tag, and each tag in the latest {@code streams}
 * record, agree with the history rebuilt from {@code tag.events}: the same current image, the same failing reason, and
 * items that are the rebuilt history's, in its order (a projection may hold fewer: retention prunes old items). Only
 * images are compared, not references or generations, which A11.6 rewrites in place without a tag event.
 */
public final class Projections {

    private Projections() {}

    public static List<Violation> check(AuditLog log) {
        SortedMap<TagKey, TagTimeline> timelines = TagHistories.rebuild(log.tagEvents());
        List<Violation> violations = new ArrayList<>();
        checkTags(log, timelines, violations);
        checkStreams(log, timelines, violations);
        return violations;
    }

    private static void checkTags(AuditLog log, SortedMap<TagKey, TagTimeline> timelines, List<Violation> out) {
        Map<TagKey, Logged<TagViewEntry>> views = new TreeMap<>();
        AuditLog.latestByKey(log.tags()).forEach((key, record) -> {
            try {
                views.put(TagKey.parse(key), record);
            } catch (IllegalArgumentException e) {
                out.add(Violation.of(Rule.PROJECTION_MATCHES, "tags key " + e.getMessage(), Evidence.of(record, key)));
            }
        });
        var keys = new TreeSet<TagKey>(timelines.keySet());
        keys.addAll(views.keySet());
        for (TagKey key : keys) {
            Optional<TagTimeline> timeline = Optional.ofNullable(timelines.get(key));
            Optional<Logged<TagViewEntry>> view = Optional.ofNullable(views.get(key));
            compare(
                    "tags",
                    key,
                    timeline,
                    view.flatMap(Logged::value).map(TagViewEntry::history),
                    view.map(v -> Evidence.of(v, v.value().isPresent() ? "tags view of " + key : "tombstone")),
                    out);
        }
    }

    private static void checkStreams(AuditLog log, SortedMap<TagKey, TagTimeline> timelines, List<Violation> out) {
        Map<String, Logged<StreamEntry>> streams = AuditLog.latestByKey(log.streams());
        for (TagTimeline timeline : timelines.values()) {
            Optional<Logged<StreamEntry>> record =
                    Optional.ofNullable(streams.get(timeline.tag().streamKey()));
            Optional<TagHistoryView> tag = record.flatMap(Logged::value).flatMap(s -> s.tags().stream()
                    .filter(t -> t.tag().equals(timeline.tag().tag()))
                    .findFirst());
            compare(
                    "streams",
                    timeline.tag(),
                    Optional.of(timeline),
                    tag,
                    record.map(Projections::streamEvidence),
                    out);
        }
        for (Logged<StreamEntry> record : streams.values()) {
            record.value().ifPresent(stream -> stream.tags().stream()
                    .map(t -> new TagKey(stream.namespace(), stream.name(), t.tag()))
                    .filter(key -> !timelines.containsKey(key))
                    .forEach(key -> compare(
                            "streams",
                            key,
                            Optional.empty(),
                            stream.tags().stream()
                                    .filter(t -> t.tag().equals(key.tag()))
                                    .findFirst(),
                            Optional.of(streamEvidence(record)),
                            out)));
        }
    }

    private static Evidence streamEvidence(Logged<StreamEntry> record) {
        return Evidence.of(record, record.value().isPresent() ? "stream " + record.key() : "tombstone");
    }

    private static void compare(
            String topic,
            TagKey key,
            Optional<TagTimeline> timeline,
            Optional<TagHistoryView> projected,
            Optional<Evidence> projection,
            List<Violation> out) {
        TagState state = timeline.map(TagTimeline::state).orElse(TagState.NONE);
        Optional<String> rebuilt = state.current().map(TagPoint::image);
        Optional<String> shown = projected.flatMap(TagHistoryView::current).map(TagPoint::image);
        List<Evidence> evidence = new ArrayList<>();
        projection.ifPresent(evidence::add);
        timeline.map(t -> t.events().getLast())
                .ifPresent(last -> evidence.add(Evidence.of(last, "last event of " + key)));
        if (evidence.isEmpty()) {
            return;
        }
        if (!rebuilt.equals(shown)) {
            out.add(new Violation(
                    Rule.PROJECTION_MATCHES,
                    key + ": " + topic + " shows " + shown.orElse("no image") + ", tag.events leave it at "
                            + rebuilt.orElse("no image"),
                    evidence));
            return;
        }
        Optional<String> rebuiltFailure = state.failure().map(TagCondition::describe);
        Optional<String> shownFailure =
                projected.flatMap(TagHistoryView::failure).map(TagCondition::describe);
        if (!rebuiltFailure.equals(shownFailure)) {
            out.add(new Violation(
                    Rule.PROJECTION_MATCHES,
                    key + ": " + topic + " shows failure " + shownFailure.orElse("none") + ", tag.events leave "
                            + rebuiltFailure.orElse("none"),
                    evidence));
        }
        List<String> shownItems = projected
                .map(p -> p.items().stream().map(TagPoint::image).toList())
                .orElse(List.of());
        List<String> rebuiltItems = state.items().stream().map(TagPoint::image).toList();
        if (!subsequence(shownItems, rebuiltItems)) {
            out.add(new Violation(
                    Rule.PROJECTION_MATCHES,
                    key + ": " + topic + " history " + shownItems + " is not the rebuilt history " + rebuiltItems
                            + " (or part of it, in order)",
                    evidence));
        }
    }

    /** Whether {@code part} is {@code whole} with some elements left out. */
    static boolean subsequence(List<String> part, List<String> whole) {
        Iterator<String> rest = whole.iterator();
        outer:
        for (String item : part) {
            while (rest.hasNext()) {
                if (rest.next().equals(item)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
