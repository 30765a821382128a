package dev.imagepipe.tagger.history;

import dev.imagepipe.tagger.history.StreamUpdate.Rejected;
import java.util.Optional;

/**
 * The optimistic lock of an import request on its stream (A2.4, rest.go): a request naming a uid or version only
 * applies to the stream it was planned against.
 */
final class ConcurrencyGuard {

    private ConcurrencyGuard() {}

    /** Why {@code result} must not be applied to {@code current}; empty when it may. */
    static Optional<Rejected> check(Optional<ImageStreamState> current, ImportResult result) {
        if (current.isEmpty()) {
            // A request that names a uid or version expected a stream: without one it may not create it.
            return result.streamUid().isPresent() || result.resourceVersion().isPresent()
                    ? Optional.of(notFound(result))
                    : Optional.empty();
        }
        StreamMetadata stream = current.get().metadata();
        if (result.resourceVersion().isPresent() && !result.resourceVersion().equals(stream.resourceVersion())) {
            return Optional.of(new Rejected(
                    Rejected.Reason.CONFLICT,
                    "the image stream was updated from \"%s\" to \"%s\""
                            .formatted(
                                    result.resourceVersion().get(),
                                    stream.resourceVersion().orElse(""))));
        }
        if (result.streamUid().isPresent() && !result.streamUid().equals(stream.uid())) {
            return Optional.of(notFound(result));
        }
        return Optional.empty();
    }

    private static Rejected notFound(ImportResult result) {
        return new Rejected(
                Rejected.Reason.NOT_FOUND, "imagestreams.image.openshift.io \"%s\" not found".formatted(result.name()));
    }
}
