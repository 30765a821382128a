package dev.imagepipe.tagger.schedule;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.StreamSpec;
import dev.imagepipe.tagger.history.TagHistory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tags of a stream are re-imported on a schedule (A13.2, OpenShift {@code ScheduledImageStreamController},
 * D11): importable tags with {@code importPolicy.scheduled}, except tags pinned to a digest that are already imported
 * at their current generation — a digest never moves, but a failed digest import keeps being retried.
 */
public final class ScheduledTags {

    /** {@code @algorithm:hex} at the end of a pull spec (A1.1: at least 32 hex digits). */
    private static final Pattern DIGEST_SUFFIX =
            Pattern.compile("@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$");

    private ScheduledTags() {}

    /** Whether the stream has any tag to re-import on schedule. */
    public static boolean needsScheduling(ImageStreamState stream) {
        return stream.spec().tags().stream().anyMatch(tag -> isScheduled(stream, tag));
    }

    /** The names of the stream's scheduled tags, in spec order. */
    public static List<String> scheduledTags(ImageStreamState stream) {
        return stream.spec().tags().stream()
                .filter(tag -> isScheduled(stream, tag))
                .map(SpecTag::name)
                .toList();
    }

    /**
     * The stream as a scheduled visit sees it: scheduled tags moved to generation {@code stream.generation + 1}, so
     * the on-demand rules import them (A13.2 {@code resetScheduledTags}). Only a working copy: never written.
     */
    public static ImageStreamState resetScheduledTags(ImageStreamState stream) {
        long next = stream.metadata().generation() + 1;
        List<SpecTag> tags = stream.spec().tags().stream()
                .map(tag -> isScheduled(stream, tag) ? tag.withGeneration(next) : tag)
                .toList();
        StreamSpec spec = stream.spec();
        return new ImageStreamState(
                stream.metadata(),
                new StreamSpec(spec.lookupLocal(), spec.dockerImageRepository(), tags),
                stream.status());
    }

    /** The import a scheduled visit submits; empty if the stream has nothing scheduled. */
    public static Optional<ImportPlan> plan(ImageStreamState stream) {
        return needsScheduling(stream) ? ImportTriggers.onDemand(resetScheduledTags(stream)) : Optional.empty();
    }

    static boolean isScheduled(ImageStreamState stream, SpecTag tag) {
        if (!tag.isImportable() || !tag.importPolicy().scheduled()) {
            return false;
        }
        return !(pinnedToDigest(tag) && importedAtCurrentGeneration(stream, tag));
    }

    private static boolean pinnedToDigest(SpecTag tag) {
        return DIGEST_SUFFIX.matcher(tag.from().orElseThrow().name()).find();
    }

    private static boolean importedAtCurrentGeneration(ImageStreamState stream, SpecTag tag) {
        Optional<Long> current =
                stream.statusTag(tag.name()).flatMap(TagHistory::current).map(e -> e.generation());
        return current.isPresent()
                && tag.generation().isPresent()
                && current.get() >= tag.generation().get();
    }
}
