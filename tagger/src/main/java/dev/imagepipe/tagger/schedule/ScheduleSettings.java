package dev.imagepipe.tagger.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of scheduled imports (Avro {@code ImportScheduling}).
 *
 * @param minimumInterval the least time between two scheduled imports of a stream
 * @param perMinuteBudget scheduled imports issued per clock minute; {@code <= 0} is unlimited
 * @param jitterSeed seeds the per-stream jitter, so the same seed and stream always get the same offset
 */
public record ScheduleSettings(Duration minimumInterval, int perMinuteBudget, long jitterSeed) {

    /** OpenShift's {@code scheduledImageImportMinimumIntervalSeconds} default, 900 s (A13.2). */
    public static final Duration DEFAULT_MINIMUM_INTERVAL = Duration.ofMinutes(15);

    /** OpenShift's {@code maxScheduledImageImportsPerMinute} default (A13.2). */
    public static final int DEFAULT_PER_MINUTE_BUDGET = 60;

    /** The Avro spelling of "no budget", as OpenShift's -1 after defaulting. */
    public static final int UNLIMITED_BUDGET = -1;

    public static final ScheduleSettings DEFAULT =
            new ScheduleSettings(DEFAULT_MINIMUM_INTERVAL, DEFAULT_PER_MINUTE_BUDGET, 0);

    public ScheduleSettings {
        Objects.requireNonNull(minimumInterval, "minimumInterval");
        if (minimumInterval.isNegative() || minimumInterval.isZero()) {
            throw new IllegalArgumentException("minimumInterval must be positive: " + minimumInterval);
        }
    }

    public boolean unlimited() {
        return perMinuteBudget <= 0;
    }
}
