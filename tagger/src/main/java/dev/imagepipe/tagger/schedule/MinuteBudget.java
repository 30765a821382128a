package dev.imagepipe.tagger.schedule;

import java.time.Instant;

/**
 * Scheduled imports issued in one clock minute (UTC epoch minutes), carried from round to round.
 *
 * @param epochMinute the minute counted, {@code floor(epochSecond / 60)}
 * @param used imports issued in that minute
 */
public record MinuteBudget(long epochMinute, int used) {

    /** Nothing issued yet. */
    public static final MinuteBudget NONE = new MinuteBudget(Long.MIN_VALUE, 0);

    public MinuteBudget {
        if (used < 0) {
            throw new IllegalArgumentException("used must not be negative: " + used);
        }
    }

    static long minuteOf(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }

    /** Imports already issued in the minute of {@code now}; a new minute starts from zero. */
    int usedAt(Instant now) {
        return epochMinute == minuteOf(now) ? used : 0;
    }
}
