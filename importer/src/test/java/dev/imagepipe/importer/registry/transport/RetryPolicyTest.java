package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void retriesOnlyTransientStatuses() {
        assertThat(RetryPolicy.isTransientStatus(408)).isTrue();
        assertThat(RetryPolicy.isTransientStatus(429)).isTrue();
        assertThat(RetryPolicy.isTransientStatus(500)).isTrue();
        assertThat(RetryPolicy.isTransientStatus(503)).isTrue();
        assertThat(RetryPolicy.isTransientStatus(599)).isTrue();
        assertThat(RetryPolicy.isTransientStatus(400)).isFalse();
        assertThat(RetryPolicy.isTransientStatus(401)).isFalse();
        assertThat(RetryPolicy.isTransientStatus(404)).isFalse();
    }

    @Test
    void parsesRetryAfterSeconds() {
        assertThat(RetryPolicy.parseRetryAfter("7", CLOCK)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void parsesRetryAfterHttpDateRelativeToNow() {
        assertThat(RetryPolicy.parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", CLOCK))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        assertThat(RetryPolicy.parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", CLOCK))
                .contains(Duration.ZERO);
    }

    @Test
    void ignoresUnparsableRetryAfter() {
        assertThat(RetryPolicy.parseRetryAfter("soon", CLOCK)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-1", CLOCK)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, CLOCK)).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyWithinTheJitterCeiling() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            assertThat(policy.jitteredBackoff(1, random)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(policy.jitteredBackoff(3, random)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(policy.jitteredBackoff(9, random)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void stopsAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1));
        Random random = new Random(1);
        assertThat(policy.nextDelay(1, Duration.ZERO, Optional.empty(), random)).isPresent();
        assertThat(policy.nextDelay(2, Duration.ZERO, Optional.empty(), random)).isPresent();
        assertThat(policy.nextDelay(3, Duration.ZERO, Optional.empty(), random)).isEmpty();
    }

    @Test
    void honoursRetryAfterOverBackoff() {
        assertThat(RetryPolicy.DEFAULT.nextDelay(1, Duration.ZERO, Optional.of(Duration.ofSeconds(3)), new Random()))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheTotalWaitBudget() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10));
        assertThat(policy.nextDelay(1, Duration.ofSeconds(8), Optional.of(Duration.ofSeconds(3)), new Random()))
                .isEmpty();
        assertThat(policy.nextDelay(1, Duration.ZERO, Optional.of(Duration.ofSeconds(60)), new Random()))
                .isEmpty();
    }
}
