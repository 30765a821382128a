package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImageLookupPolicy;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.PullSpecResolver;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.schedule.ScheduledTags;
import dev.imagepipe.tagger.schedule.StreamSchedule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The per-tag views of a stream ({@code ImageStreamTagView} on {@code tags}, key {@code ns/stream:tag}): spec tag,
 * history, conditions, the pull spec after the reference policy (A12) and, for scheduled tags, the schedule. Only views
 * that differ are written, so a write that leaves a tag as it was does not touch that tag's record.
 */
final class TagViews {

    private TagViews() {}

    /** A stream as views are built from it: its state and its schedule, if it is scheduled. */
    record Snapshot(ImageStreamState stream, Optional<StreamSchedule> schedule) {
        Snapshot {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** {@code ns/stream:tag}. */
    static String key(ImageStreamState stream, String tag) {
        return stream.key() + ":" + tag;
    }

    /**
     * The views to write going from {@code before} (empty: no stream) to {@code after}, by key, in tag order: changed
     * views stamped {@code updatedAt}, and {@code null} (a tombstone) for tags that are gone.
     */
    static Map<String, ImageStreamTagView> changed(
            Optional<Snapshot> before, Snapshot after, PullSpecResolver resolver, Instant updatedAt) {
        Map<String, ImageStreamTagView> old =
                before.map(s -> views(s, resolver)).orElse(Map.of());
        Map<String, ImageStreamTagView> now = views(after, resolver);
        var out = new LinkedHashMap<String, ImageStreamTagView>();
        now.forEach((key, view) -> {
            if (!view.equals(old.get(key))) {
                out.put(
                        key,
                        ImageStreamTagView.newBuilder(view)
                                .setUpdatedAt(updatedAt)
                                .build());
            }
        });
        old.keySet().stream().filter(key -> !now.containsKey(key)).forEach(key -> out.put(key, null));
        return out;
    }

    /** Every tag's view, {@code updatedAt} left at the epoch so views compare by content. */
    private static Map<String, ImageStreamTagView> views(Snapshot snapshot, PullSpecResolver resolver) {
        ImageStreamState stream = snapshot.stream();
        Set<String> scheduled = Set.copyOf(ScheduledTags.scheduledTags(stream));
        var out = new LinkedHashMap<String, ImageStreamTagView>();
        for (String tag : tagNames(stream)) {
            Optional<StreamSchedule> schedule = scheduled.contains(tag) ? snapshot.schedule() : Optional.empty();
            out.put(key(stream, tag), view(stream, tag, resolver, schedule));
        }
        return out;
    }

    private static ImageStreamTagView view(
            ImageStreamState stream, String tag, PullSpecResolver resolver, Optional<StreamSchedule> schedule) {
        NamedTagEventList history = stream.statusTag(tag)
                .map(AvroTags::history)
                .orElseGet(() -> AvroTags.history(new TagHistory(tag, List.of(), List.of())));
        return ImageStreamTagView.newBuilder()
                .setNamespace(stream.namespace())
                .setStream(stream.name())
                .setTag(tag)
                .setSpec(stream.specTag(tag).map(AvroTags::specTag).orElse(null))
                .setHistory(history)
                .setResolvedPullSpec(resolver.resolve(stream, tag).orElse(null))
                .setLookupPolicy(new ImageLookupPolicy(stream.spec().lookupLocal()))
                .setSchedule(schedule.map(AvroSchedules::toAvro).orElse(null))
                .setUpdatedAt(Instant.EPOCH)
                .build();
    }

    /** Spec tags in spec order, then tags that only have status. */
    private static Set<String> tagNames(ImageStreamState stream) {
        var names = new LinkedHashSet<String>();
        stream.spec().tags().stream().map(SpecTag::name).forEach(names::add);
        stream.status().tags().stream().map(TagHistory::tag).forEach(names::add);
        return names;
    }
}
