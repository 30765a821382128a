package dev.imagepipe.importer.registry.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before retrying a transient failure (408, 429, 5xx, connection reset, timeout):
 * exponential backoff with full jitter, {@code Retry-After} honoured, bounded both in attempts and in total wait.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the backoff ceiling before the first retry; doubles per retry
 * @param maxBackoff the largest backoff ceiling
 * @param maxTotalWait the most time spent waiting between attempts of one request; a {@code Retry-After} beyond what
 *     is left ends the retries at once
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalWait) {

    /** Four attempts: OpenShift's importer retries twice (A6.4); one more absorbs a registry restart. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    /** Half a second: long enough for a load balancer to pick another backend. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

    /** Eight seconds: beyond this a fetch is better failed and rescheduled than held. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

    /** Thirty seconds of waiting per request at most, so a throttled registry cannot park fetch threads for long. */
    public static final Duration DEFAULT_MAX_TOTAL_WAIT = Duration.ofSeconds(30);

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_TOTAL_WAIT);

    /** No retries: every failure surfaces at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Whether a response status is worth retrying: 408, 429 and every 5xx. */
    public static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) failed, or empty when no
     * retry should happen: attempts are used up, or the wait would pass the total budget ({@code waitedSoFar}).
     */
    public Optional<Duration> nextDelay(
            int attempt, Duration waitedSoFar, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = retryAfter.orElseGet(() -> jitteredBackoff(attempt, random));
        if (waitedSoFar.plus(delay).compareTo(maxTotalWait) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** Full jitter (AWS architecture blog): uniform in [0, min(max, initial * 2^(attempt-1))]. */
    Duration jitteredBackoff(int attempt, RandomGenerator random) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /**
     * Parses {@code Retry-After}: delta-seconds or an HTTP date (RFC 9110 10.2.3). Dates in the past give zero;
     * anything unparsable is ignored.
     */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(clock.instant(), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
