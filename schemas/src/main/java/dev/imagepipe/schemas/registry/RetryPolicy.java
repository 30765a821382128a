package dev.imagepipe.schemas.registry;

import java.time.Duration;

/**
 * How often a registry call is tried when the registry is unreachable or answers 5xx. One attempt tries every
 * configured URL in turn; attempts are separated by an exponential backoff.
 *
 * @param maxAttempts rounds over all URLs, at least 1
 * @param initialBackoff the wait after the first failed round
 * @param maxBackoff the cap on any single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * Three rounds, 100 ms then 200 ms apart: enough to ride out a registry restart or a leader change between
     * registry instances, while the worst case (three rounds of {@link RestSchemaRegistryClient#REQUEST_TIMEOUT}
     * per URL) stays inside a producer's default {@code delivery.timeout.ms} of 120 s for one or two URLs.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** A single round, no waiting. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** The wait after failed round {@code attempt} (1-based): initial, doubled each round, capped. */
    Duration backoffAfter(int attempt) {
        Duration backoff = initialBackoff;
        for (int i = 1; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
