package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsTheBurstWithoutWaiting() {
        RateLimit limit = new RateLimit(2, 3, nanos::get);
        assertThat(limit.reserve()).isZero();
        assertThat(limit.reserve()).isZero();
        assertThat(limit.reserve()).isZero();
    }

    @Test
    void makesCallersBeyondTheBurstWaitInArrivalOrder() {
        RateLimit limit = new RateLimit(2, 1, nanos::get);
        assertThat(limit.reserve()).isZero();
        assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(500));
        assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        RateLimit limit = new RateLimit(10, 2, nanos::get);
        limit.reserve();
        limit.reserve();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos()); // long idle: refill caps at the burst
        assertThat(limit.reserve()).isZero();
        assertThat(limit.reserve()).isZero();
        assertThat(limit.reserve()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void sharesOneLimiterPerRegistryAcrossTheProcess() {
        assertThat(RegistryLimits.forRegistry("Quay.IO")).isSameAs(RegistryLimits.forRegistry("quay.io"));
        assertThat(RegistryLimits.forRegistry("quay.io")).isNotSameAs(RegistryLimits.forRegistry("ghcr.io"));
    }

    @Test
    void concurrencyLimitCountsPermitsInFlight() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        try (var first = limit.acquire()) {
            assertThat(limit.inFlight()).isEqualTo(1);
        }
        assertThat(limit.inFlight()).isZero();
    }
}
