package dev.imagepipe.auditor.history;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.TagEventEntry;
import dev.imagepipe.auditor.log.TagKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Rebuilds every tag's timeline from {@code tag.events}. */
public final class TagHistories {

    private TagHistories() {}

    /**
     * The timeline of every tag {@code events} mention, ordered by tag. Tombstones on {@code tag.events} (which the
     * tagger never writes) are skipped.
     */
    public static SortedMap<TagKey, TagTimeline> rebuild(List<Logged<TagEventEntry>> events) {
        Map<TagKey, List<Logged<TagEventEntry>>> byTag = new TreeMap<>();
        for (Logged<TagEventEntry> record : events) {
            record.value().ifPresent(event -> byTag.computeIfAbsent(event.tag(), k -> new ArrayList<>())
                    .add(record));
        }
        SortedMap<TagKey, TagTimeline> timelines = new TreeMap<>();
        byTag.forEach((tag, list) -> timelines.put(tag, new TagTimeline(tag, list)));
        return timelines;
    }
}
