package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.registry.FailureReason;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the failures of every pull source tried into one {@link FetchResult.Failed} (A5.4.5): a single failure is
 * returned as-is; several keep the reason of the last attempt (the source, always tried last) and a message listing
 * each candidate's failure, so no per-mirror detail is lost.
 */
final class FetchFailures {

    private FetchFailures() {}

    /**
     * @param observations every source tried, in order, all failed
     * @throws IllegalArgumentException when {@code observations} is empty or one of them served
     */
    static FetchResult.Failed aggregate(List<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no pull source was tried");
        }
        List<Observation.Failure> failures =
                observations.stream().map(observation -> failure(observation)).toList();
        Observation.Failure last = failures.get(failures.size() - 1);
        if (failures.size() == 1) {
            return new FetchResult.Failed(last.reason(), last.message(), observations);
        }
        String each = observations.stream()
                .map(observation -> describe(observation, failure(observation)))
                .collect(Collectors.joining("; "));
        String message = "all %d pull sources failed: %s".formatted(observations.size(), each);
        return new FetchResult.Failed(last.reason(), message, observations);
    }

    private static Observation.Failure failure(Observation observation) {
        if (observation.outcome() instanceof Observation.Failure failure) {
            return failure;
        }
        throw new IllegalArgumentException(observation.candidate() + " served the image; nothing failed");
    }

    private static String describe(Observation observation, Observation.Failure failure) {
        FailureReason reason = failure.reason();
        return "%s %s: %s (%s)"
                .formatted(
                        observation.mirror() ? "mirror" : "source",
                        observation.candidate(),
                        failure.message(),
                        reason.statusReason());
    }
}
