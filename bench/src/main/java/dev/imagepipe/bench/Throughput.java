package dev.imagepipe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures operations per second of a task run by a fixed number of threads: warm-up rounds first (JIT, connection
 * pools, token caches), then measured rounds, reporting the median so one noisy round on a shared machine does not
 * decide the figure.
 */
final class Throughput {

    /** A unit of work; {@code i} picks which tag or repository to use. */
    @FunctionalInterface
    interface Op {
        void run(int i) throws Exception;
    }

    private final int concurrency;
    private final int operationsPerRound;
    private final int warmupRounds;
    private final int measuredRounds;

    Throughput(int concurrency, int operationsPerRound, int warmupRounds, int measuredRounds) {
        this.concurrency = concurrency;
        this.operationsPerRound = operationsPerRound;
        this.warmupRounds = warmupRounds;
        this.measuredRounds = measuredRounds;
    }

    /** Median operations per second over the measured rounds. */
    double measure(Op op) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int round = 0; round < warmupRounds; round++) {
                round(pool, op);
            }
            double[] rates = new double[measuredRounds];
            for (int round = 0; round < measuredRounds; round++) {
                long start = System.nanoTime();
                round(pool, op);
                rates[round] = operationsPerRound / ((System.nanoTime() - start) / 1e9);
            }
            Arrays.sort(rates);
            return rates[measuredRounds / 2];
        }
    }

    private void round(ExecutorService pool, Op op) throws Exception {
        List<Future<?>> futures = new ArrayList<>(operationsPerRound);
        for (int i = 0; i < operationsPerRound; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                op.run(index);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
