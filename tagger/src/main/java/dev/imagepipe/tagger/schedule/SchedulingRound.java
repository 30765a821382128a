package dev.imagepipe.tagger.schedule;

import java.util.List;
import java.util.Objects;

/**
 * What one scheduling round decided. Every due stream is in exactly one of {@code issued} and {@code deferred}:
 * nothing due is skipped silently.
 *
 * @param issued imports to submit now, each with the stream's next schedule
 * @param deferred due streams the minute's budget could not take, each with its schedule marked deferred
 * @param unscheduled keys ({@code ns/stream}) of candidates that no longer have scheduled tags: drop their schedule
 * @param budget the budget after this round, to pass to the next
 */
public record SchedulingRound(
        List<ScheduledImport> issued, List<Deferral> deferred, List<String> unscheduled, MinuteBudget budget) {

    public SchedulingRound {
        issued = List.copyOf(issued);
        deferred = List.copyOf(deferred);
        unscheduled = List.copyOf(unscheduled);
        Objects.requireNonNull(budget, "budget");
    }

    /** An import issued for a due stream; {@code next} is its schedule from now on. */
    public record ScheduledImport(ImportPlan plan, StreamSchedule next) {
        public ScheduledImport {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(next, "next");
        }
    }

    /** A due stream left for a later round; {@code schedule} keeps its due time and says since when it waits. */
    public record Deferral(String streamKey, StreamSchedule schedule) {
        public Deferral {
            Objects.requireNonNull(streamKey, "streamKey");
            Objects.requireNonNull(schedule, "schedule");
        }
    }
}
