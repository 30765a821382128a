package dev.imagepipe.importer.registry.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} permits refill continuously up to {@code burst}. {@link #acquire} waits for a
 * permit; the arithmetic is in {@link #reserve} so it can be tested against a fake clock.
 */
public final class RateLimit {

    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private double available;
    private long lastRefillNanos;

    public RateLimit(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    RateLimit(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.available = burst;
        this.lastRefillNanos = nanoClock.getAsLong();
    }

    /** Takes a permit, waiting as long as the bucket needs to refill one. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            Thread.sleep(wait);
        }
    }

    /**
     * Takes a permit now, possibly going into debt, and returns how long the caller must wait before using it. Debt
     * keeps waiters in arrival order without a queue.
     */
    synchronized Duration reserve() {
        long now = nanoClock.getAsLong();
        available = Math.min(burst, available + (now - lastRefillNanos) / 1e9 * ratePerSecond);
        lastRefillNanos = now;
        available -= 1;
        if (available >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-available / ratePerSecond * 1e9));
    }
}
