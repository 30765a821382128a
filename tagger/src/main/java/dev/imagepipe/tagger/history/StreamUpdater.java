package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies import results and tag deletions to image streams, the way OpenShift persists an
 * {@code ImageStreamImport} (import-semantics A2.4, A2.9, A11). Pure: the same stream and result always give the
 * same update, and every time written comes from the result's event time, never the clock.
 *
 * <p>In: the stored stream (empty if none) and one {@link ImportResult}. Out: a {@link StreamUpdate} — the stream to
 * write with its {@link TagChange}s, {@link StreamUpdate.Unchanged} when the import changed nothing (then nothing is
 * written at all), or {@link StreamUpdate.Rejected} when the request's optimistic lock fails.
 */
public final class StreamUpdater {

    private final StreamSaver saver;

    public StreamUpdater(HistorySettings settings) {
        this.saver = new StreamSaver(settings);
    }

    /** Applies one import result: repository entries first, then spec images in request order (A2.9). */
    public StreamUpdate apply(Optional<ImageStreamState> current, ImportResult result) {
        Optional<StreamUpdate.Rejected> rejected = ConcurrencyGuard.check(current, result);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        boolean create = current.isEmpty();
        ImageStreamState original =
                current.orElseGet(() -> ImageStreamState.unsaved(result.namespace(), result.name()));
        Instant now = result.requestedAt();
        StreamDraft draft = StreamDraft.of(original);
        var applier = new ImportApplier(draft, original.metadata().generation() + 1, now);
        result.repositoryEntries().forEach(applier::applyRepositoryEntry);
        result.imageEntries().forEach(applier::applyImageEntry);
        ImageStreamState applied = draft.toState();
        if (!create && original.metadata().hasRepositoryCheck() && applied.equals(original)) {
            return new StreamUpdate.Unchanged(original); // A11.9: level-driven, an import that changes nothing
        }
        ImageStreamState saved = saver.save(original, applied, create, now, true);
        return new StreamUpdate.Written(saved, create, TagChanges.between(original, saved), now);
    }

    /** Removes {@code tag} from spec and status; {@link StreamUpdate.Unchanged} if the stream has no such tag. */
    public StreamUpdate deleteTag(ImageStreamState current, String tag, Instant now) {
        StreamDraft draft = StreamDraft.of(current);
        Optional<TagEvent> previous = current.statusTag(tag).flatMap(TagHistory::current);
        if (!draft.removeTag(tag)) {
            return new StreamUpdate.Unchanged(current);
        }
        ImageStreamState saved = saver.save(current, draft.toState(), false, now, false);
        return new StreamUpdate.Written(saved, false, List.of(new TagChange.Deleted(tag, previous)), now);
    }
}
