package dev.imagepipe.tagger.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link TagChange}s an import made, read off the stream before and after it. Comparing states rather than
 * logging each step means a request that moves a tag twice reports one move, from what consumers last saw.
 */
final class TagChanges {

    private TagChanges() {}

    /** Changes from {@code before} to {@code after}, in {@code after}'s tag order. */
    static List<TagChange> between(ImageStreamState before, ImageStreamState after) {
        var changes = new ArrayList<TagChange>();
        for (TagHistory now : after.status().tags()) {
            Optional<TagHistory> then = before.statusTag(now.tag());
            imageChange(now, then.flatMap(TagHistory::current)).ifPresent(changes::add);
            conditionChange(now, then.flatMap(TagHistory::importFailure)).ifPresent(changes::add);
        }
        return changes;
    }

    private static Optional<TagChange> imageChange(TagHistory now, Optional<TagEvent> previous) {
        if (now.current().isEmpty()) {
            return Optional.empty();
        }
        TagEvent current = now.current().get();
        if (previous.isEmpty()) {
            return Optional.of(new TagChange.Added(now.tag(), current));
        }
        return previous.get().image().equals(current.image())
                ? Optional.empty()
                : Optional.of(new TagChange.Moved(now.tag(), current, previous.get()));
    }

    private static Optional<TagChange> conditionChange(TagHistory now, Optional<TagCondition> previousFailure) {
        Optional<TagCondition> failure = now.importFailure();
        if (failure.isPresent()) {
            return failure.equals(previousFailure)
                    ? Optional.empty()
                    : Optional.of(new TagChange.ImportFailed(now.tag(), failure.get()));
        }
        if (previousFailure.isPresent() && now.current().isPresent()) {
            return Optional.of(new TagChange.Recovered(now.tag(), now.current().get(), previousFailure.get()));
        }
        return Optional.empty();
    }
}
