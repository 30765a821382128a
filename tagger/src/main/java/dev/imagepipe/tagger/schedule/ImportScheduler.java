package dev.imagepipe.tagger.schedule;

import dev.imagepipe.tagger.history.ImageStreamState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when scheduled streams are imported (A13.2). Each scheduled stream has a {@link StreamSchedule}: due one
 * minimum interval (plus its jitter) after it was last imported, for whatever cause. A round issues the due streams,
 * oldest due first, up to the per-minute budget, and defers the rest with a report — where OpenShift's token bucket
 * silently skips a visit until the next round. Pure: all time comes from the {@code now} arguments.
 */
public final class ImportScheduler {

    private static final Comparator<ScheduledStream> OLDEST_DUE_FIRST = Comparator.comparing(
                    (ScheduledStream c) -> c.schedule().nextImportDue())
            .thenComparing(c -> c.stream().key());

    private final ScheduleSettings settings;

    public ImportScheduler(ScheduleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A candidate of a round: a stored stream and its schedule. */
    public record ScheduledStream(ImageStreamState stream, StreamSchedule schedule) {
        public ScheduledStream {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * The schedule of a stream after it was written other than by an import: empty if nothing in it is scheduled
     * (drop the schedule); its current schedule if it has one; otherwise first due one interval from {@code now}.
     */
    public Optional<StreamSchedule> onStreamChanged(
            ImageStreamState stream, Optional<StreamSchedule> current, Instant now) {
        if (!ScheduledTags.needsScheduling(stream)) {
            return Optional.empty();
        }
        return current.or(() -> Optional.of(StreamSchedule.dueAt(nextDue(stream.key(), now))));
    }

    /**
     * The schedule of a stream just imported at {@code importedAt}, for any cause: an on-demand import pushes the next
     * scheduled one back (A13.2), and any deferral is over. Empty if nothing in it is scheduled.
     */
    public Optional<StreamSchedule> onImported(ImageStreamState stream, Instant importedAt) {
        return ScheduledTags.needsScheduling(stream)
                ? Optional.of(StreamSchedule.dueAt(nextDue(stream.key(), importedAt)))
                : Optional.empty();
    }

    /** One round at {@code now} over {@code candidates}, spending from {@code budget}. */
    public SchedulingRound plan(List<ScheduledStream> candidates, MinuteBudget budget, Instant now) {
        var issued = new ArrayList<SchedulingRound.ScheduledImport>();
        var deferred = new ArrayList<SchedulingRound.Deferral>();
        var unscheduled = new ArrayList<String>();
        int used = budget.usedAt(now);
        for (ScheduledStream candidate :
                candidates.stream().sorted(OLDEST_DUE_FIRST).toList()) {
            String key = candidate.stream().key();
            Optional<ImportPlan> plan = ScheduledTags.plan(candidate.stream());
            if (plan.isEmpty()) {
                unscheduled.add(key);
            } else if (!candidate.schedule().isDue(now)) {
                continue;
            } else if (settings.unlimited() || used < settings.perMinuteBudget()) {
                used++;
                issued.add(new SchedulingRound.ScheduledImport(plan.get(), StreamSchedule.dueAt(nextDue(key, now))));
            } else {
                StreamSchedule waiting = new StreamSchedule(
                        candidate.schedule().nextImportDue(),
                        Optional.of(candidate.schedule().deferredSince().orElse(now)));
                deferred.add(new SchedulingRound.Deferral(key, waiting));
            }
        }
        return new SchedulingRound(issued, deferred, unscheduled, new MinuteBudget(MinuteBudget.minuteOf(now), used));
    }

    private Instant nextDue(String streamKey, Instant from) {
        return from.plus(settings.minimumInterval())
                .plus(Jitter.of(streamKey, settings.jitterSeed(), settings.minimumInterval()));
    }
}
