package dev.imagepipe.tagger.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds a candidate {@link TagEvent} to a tag's history (A11.6, OpenShift {@code AddTagEventToImageStream}).
 * Only a change of both reference and image grows the history; anything less rewrites items[0] in place, and an
 * identical event changes nothing. Events are never deduplicated against older items (A to B to A is three items).
 */
public final class TagEventRules {

    private TagEventRules() {}

    /** What adding an event did to the history. */
    public enum Effect {
        /** The history was empty; it is now {@code [next]}. */
        ADDED,
        /** Same reference, image and generation: nothing changed. */
        UNCHANGED,
        /** Same reference and image: items[0] took the new generation, its {@code created} kept (origin#10402). */
        GENERATION_UPDATED,
        /** Same reference, another image: items[0] took the new image and generation. */
        IMAGE_REPLACED,
        /** Same image, another spelling of the reference: items[0] took the new reference and generation. */
        REFERENCE_REPLACED,
        /** Reference and image both changed: the event was prepended. */
        PREPENDED;

        public boolean changed() {
            return this != UNCHANGED;
        }
    }

    /**
     * The history after adding {@code next}.
     *
     * @param items the new history, newest first
     * @param effect what changed; when it {@link Effect#changed()}, the caller clears the tag's conditions
     */
    public record Addition(List<TagEvent> items, Effect effect) {
        public Addition {
            items = List.copyOf(items);
        }
    }

    /** Adds {@code next} to {@code items} (newest first). */
    public static Addition add(List<TagEvent> items, TagEvent next) {
        if (items.isEmpty()) {
            return new Addition(List.of(next), Effect.ADDED);
        }
        TagEvent previous = items.getFirst();
        boolean sameRef = previous.dockerImageReference().equals(next.dockerImageReference());
        boolean sameImage = previous.image().equals(next.image());
        if (sameRef && sameImage) {
            return previous.generation() == next.generation()
                    ? new Addition(items, Effect.UNCHANGED)
                    : replaceFirst(items, previous.withGeneration(next.generation()), Effect.GENERATION_UPDATED);
        }
        if (sameRef) {
            return replaceFirst(items, previous.withImage(next.image(), next.generation()), Effect.IMAGE_REPLACED);
        }
        if (sameImage) {
            return replaceFirst(
                    items,
                    previous.withReference(next.dockerImageReference(), next.generation()),
                    Effect.REFERENCE_REPLACED);
        }
        var grown = new ArrayList<TagEvent>(items.size() + 1);
        grown.add(next);
        grown.addAll(items);
        return new Addition(grown, Effect.PREPENDED);
    }

    private static Addition replaceFirst(List<TagEvent> items, TagEvent first, Effect effect) {
        var replaced = new ArrayList<>(items);
        replaced.set(0, first);
        return new Addition(replaced, effect);
    }
}
