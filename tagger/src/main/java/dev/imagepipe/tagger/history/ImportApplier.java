package dev.imagepipe.tagger.history;

import dev.imagepipe.tagger.history.EntryOutcome.Failed;
import dev.imagepipe.tagger.history.EntryOutcome.Imported;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the entries of one import to a {@link StreamDraft} (A11.1-A11.7, A11.10). Every event and condition gets
 * the import's event time and {@code nextGeneration}, the stream generation the save will reach (A11.8).
 */
final class ImportApplier {

    private final StreamDraft draft;
    private final long nextGeneration;
    private final Instant now;

    ImportApplier(StreamDraft draft, long nextGeneration, Instant now) {
        this.draft = draft;
        this.nextGeneration = nextGeneration;
        this.now = now;
    }

    /** A tag of a repository import: failures set a condition but create no spec tag (rest.go). */
    void applyRepositoryEntry(ImportEntry entry) {
        apply(entry, false);
    }

    /** A {@code spec.images} entry: a failed one still ensures its spec tag exists (A11.7). */
    void applyImageEntry(ImportEntry entry) {
        apply(entry, true);
    }

    private void apply(ImportEntry entry, boolean ensureSpecTagOnFailure) {
        if (entry.tag().isEmpty()) {
            return; // untagged imports create Images only (A2.2)
        }
        String tag = entry.tag().get();
        switch (entry.outcome()) {
            case Imported imported -> succeeded(tag, entry, imported);
            case Failed failed -> {
                failed(tag, failed);
                if (ensureSpecTagOnFailure && draft.specTag(tag).isEmpty()) {
                    draft.putSpecTag(
                            SpecTag.importing(tag, entry.from(), entry.importPolicy(), entry.referencePolicy()));
                }
            }
        }
    }

    private void succeeded(String tag, ImportEntry entry, Imported imported) {
        TagEvent event = new TagEvent(
                now,
                DigestReferences.byDigest(imported.dockerImageReference(), imported.image()),
                imported.image(),
                nextGeneration);
        Optional<SpecTag> specTag = draft.specTag(tag);
        TagHistory history = draft.history(tag);
        boolean itemsChanged = false;
        SpecTag updated;
        if (hasTagChanged(specTag, history, event)) {
            updated = resetSpecTag(specTag, tag, entry);
            TagEventRules.Addition addition = TagEventRules.add(history.items(), event);
            history = history.withItems(addition.items());
            itemsChanged = addition.effect().changed();
        } else {
            updated = specTag.orElseThrow(); // hasTagChanged is true without a spec tag
        }
        // A11.5: every successful import sets the tag's import policy and clears its conditions.
        draft.putSpecTag(updated.withImportPolicy(entry.importPolicy()));
        draft.putHistory(history.withConditions(List.of()));
        if (itemsChanged) {
            TrackingTags.update(draft, tag, history.items().getFirst());
        }
    }

    /** A11.3 plus a missing spec tag, as rest.go {@code importSuccessful} checks. */
    private static boolean hasTagChanged(Optional<SpecTag> specTag, TagHistory history, TagEvent event) {
        if (specTag.isEmpty()
                || specTag.get().generation().isEmpty()
                || history.current().isEmpty()) {
            return true;
        }
        TagEvent current = history.current().get();
        return !current.dockerImageReference().equals(event.dockerImageReference())
                || !current.image().equals(event.image())
                || specTag.get().generation().get() > current.generation();
    }

    /** A11.4 {@code ensureSpecTag} with reset: an explicit reference policy is never changed by an import. */
    private static SpecTag resetSpecTag(Optional<SpecTag> existing, String tag, ImportEntry entry) {
        SpecTag base = existing.orElseGet(() -> new SpecTag(
                tag, Map.of(), Optional.empty(), false, Optional.empty(), entry.importPolicy(), Optional.empty()));
        SpecTag reset = base.withFrom(TagFrom.dockerImage(entry.from()))
                .withGeneration(0)
                .withImportPolicy(entry.importPolicy());
        return base.referencePolicy().isPresent() ? reset : reset.withReferencePolicy(entry.referencePolicy());
    }

    /** A11.7: an identical failure changes nothing; another one replaces the conditions and asks for a re-stamp. */
    private void failed(String tag, Failed failed) {
        TagCondition condition = TagCondition.importFailed(failed.reason(), failed.message(), nextGeneration, now);
        TagHistory history = draft.history(tag);
        if (history.conditions().stream().anyMatch(condition::sameOutcome)) {
            return;
        }
        draft.putHistory(history.withConditions(List.of(condition)));
        draft.specTag(tag).ifPresent(spec -> draft.putSpecTag(spec.withGeneration(0)));
    }
}
