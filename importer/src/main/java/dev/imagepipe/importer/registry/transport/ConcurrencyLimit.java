package dev.imagepipe.importer.registry.transport;

import java.util.concurrent.Semaphore;

/** At most {@code permits} requests in flight to one registry; callers beyond that wait in arrival order. */
public final class ConcurrencyLimit {

    private final Semaphore semaphore;
    private final int permits;

    public ConcurrencyLimit(int permits) {
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
    }

    /** A permit to release with try-with-resources. */
    public Permit acquire() throws InterruptedException {
        semaphore.acquire();
        return semaphore::release;
    }

    public int inFlight() {
        return permits - semaphore.availablePermits();
    }

    /** A held permit. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
