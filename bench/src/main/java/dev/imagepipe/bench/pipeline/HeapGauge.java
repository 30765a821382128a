package dev.imagepipe.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap in use, from the platform {@link MemoryMXBean}: the peak seen by sampling while a pass runs, and the live heap
 * right after a full collection. The heap is the whole benchmark JVM's: broker, schema registry, importer and the
 * benchmark's own clients.
 */
final class HeapGauge implements AutoCloseable {

    /**
     * Fifty samples a second: fine enough to catch the top of a young-generation cycle (G1 fills eden over hundreds of
     * milliseconds under this load), cheap enough (one MXBean read) not to show in the figures.
     */
    static final long SAMPLE_INTERVAL_MILLIS = 20;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    HeapGauge() {
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts a new peak from the heap in use now. */
    void resetPeak() {
        peak.set(used());
    }

    /** The most heap in use at any sample since {@link #resetPeak}. */
    long peakBytes() {
        sample();
        return peak.get();
    }

    /** Heap in use right after one {@link System#gc()}: the live set, what the process holds between bursts. */
    static long usedAfterGcBytes() {
        System.gc();
        return used();
    }

    /** The {@code -Xmx} the figures are read against. */
    static long maxBytes() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }

    private void sample() {
        peak.accumulateAndGet(used(), Math::max);
    }

    private static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
