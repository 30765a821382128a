package dev.imagepipe.tagger.schedule;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.StreamMetadata;
import dev.imagepipe.tagger.history.TagCondition;
import dev.imagepipe.tagger.history.TagHistory;
import java.util.List;
import java.util.Optional;

/**
 * The on-demand import trigger (A13.1, OpenShift {@code ImageStreamController}): after a stream changes, which of
 * its tags need an import. A stream never checked by an import ({@link StreamMetadata#REPOSITORY_CHECK_ANNOTATION}
 * absent) imports its repository and every importable tag; afterwards only tags whose spec generation is ahead of
 * what was last observed for them.
 */
public final class ImportTriggers {

    private ImportTriggers() {}

    /** The import {@code stream} needs now; empty if none. */
    public static Optional<ImportPlan> onDemand(ImageStreamState stream) {
        boolean checked = stream.metadata().hasRepositoryCheck();
        Optional<String> repository = stream.spec().dockerImageRepository().filter(r -> !r.isEmpty());
        if (!checked && repository.isPresent()) {
            return plan(
                    stream,
                    repository,
                    stream.spec().tags().stream().filter(SpecTag::isImportable).toList());
        }
        List<SpecTag> tags = stream.spec().tags().stream()
                .filter(tag -> tagNeedsImport(stream, tag))
                .toList();
        return tags.isEmpty() ? Optional.empty() : plan(stream, Optional.empty(), tags);
    }

    /**
     * Whether an importable tag's spec is ahead of its status: no generation yet (legacy writers), or a generation
     * above both items[0] and the {@code ImportSuccess} condition (A11.8 "needs import").
     */
    public static boolean tagNeedsImport(ImageStreamState stream, SpecTag tag) {
        if (!tag.isImportable()) {
            return false;
        }
        return tag.generation()
                .map(g -> g > latestObservedGeneration(stream, tag.name()))
                .orElse(true);
    }

    /** The newest generation an import recorded for {@code tag}, as an event or a condition; -1 if none. */
    static long latestObservedGeneration(ImageStreamState stream, String tag) {
        Optional<TagHistory> history = stream.statusTag(tag);
        long fromItems =
                history.flatMap(TagHistory::current).map(e -> e.generation()).orElse(-1L);
        long fromConditions = history.stream()
                .flatMap(h -> h.conditions().stream())
                .filter(c -> c.type() == TagCondition.Type.IMPORT_SUCCESS)
                .mapToLong(TagCondition::generation)
                .max()
                .orElse(-1L);
        return Math.max(fromItems, fromConditions);
    }

    private static Optional<ImportPlan> plan(ImageStreamState stream, Optional<String> repository, List<SpecTag> tags) {
        boolean insecure =
                "true".equals(stream.metadata().annotations().get(StreamMetadata.INSECURE_REPOSITORY_ANNOTATION));
        List<ImportPlan.TagImport> images = tags.stream()
                .map(tag -> new ImportPlan.TagImport(
                        tag.name(),
                        tag.from().orElseThrow().name(),
                        tag.importPolicy(),
                        tag.effectiveReferencePolicy()))
                .toList();
        return Optional.of(new ImportPlan(
                stream.namespace(),
                stream.name(),
                stream.metadata().uid(),
                stream.metadata().resourceVersion(),
                repository.map(r -> new ImportPlan.RepositoryImport(r, insecure)),
                images));
    }
}
