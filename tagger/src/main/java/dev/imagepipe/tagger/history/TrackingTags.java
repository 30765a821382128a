package dev.imagepipe.tagger.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags that follow another tag of the same stream (A11.10, OpenShift {@code UpdateTrackingTags}): a spec tag whose
 * {@code from} is {@code ImageStreamTag} {@code T} or {@code <stream>:T}, in the stream's own namespace, receives
 * every event that changes items[0] of {@code T}, through the same {@link TagEventRules}. One level only, as in
 * OpenShift: a tag tracking a tracker is updated when the tracker's own spec is imported, not transitively.
 */
public final class TrackingTags {

    private TrackingTags() {}

    /**
     * The stream after giving {@code event} to every tag tracking {@code updatedTag}.
     *
     * @param stream the stream after items[0] of {@code updatedTag} changed
     * @param updated the tracking tags whose history changed, in spec order
     */
    public record Tracking(ImageStreamState stream, List<String> updated) {
        public Tracking {
            updated = List.copyOf(updated);
        }
    }

    /** Gives {@code event}, the new items[0] of {@code updatedTag}, to every tag that tracks it. */
    public static Tracking update(ImageStreamState stream, String updatedTag, TagEvent event) {
        StreamDraft draft = StreamDraft.of(stream);
        List<String> updated = update(draft, updatedTag, event);
        return new Tracking(draft.toState(), updated);
    }

    static List<String> update(StreamDraft draft, String updatedTag, TagEvent event) {
        var updated = new ArrayList<String>();
        for (SpecTag tag : draft.specTags()) {
            if (!tracks(tag, draft, updatedTag)) {
                continue;
            }
            TagHistory history = draft.history(tag.name());
            TagEventRules.Addition addition = TagEventRules.add(history.items(), event);
            if (addition.effect().changed()) {
                draft.putHistory(history.withItems(addition.items()).withConditions(List.of()));
                updated.add(tag.name());
            }
        }
        return updated;
    }

    private static boolean tracks(SpecTag tag, StreamDraft draft, String updatedTag) {
        if (tag.name().equals(updatedTag) || tag.from().isEmpty()) {
            return false; // a tag never tracks itself: that would only rewrite its own event
        }
        TagFrom from = tag.from().get();
        if (!TagFrom.IMAGE_STREAM_TAG.equals(from.kind())
                || !from.namespace()
                        .filter(ns -> !ns.isEmpty())
                        .map(draft.namespace()::equals)
                        .orElse(true)) {
            return false;
        }
        String target = from.name();
        String streamPrefix = draft.name() + ":";
        if (target.startsWith(streamPrefix)) {
            target = target.substring(streamPrefix.length());
        } else if (target.contains(":")) {
            return false; // another stream's tag
        }
        return target.equals(updatedTag);
    }
}
