package dev.imagepipe.bench.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The circumstances of one benchmark run, for the report.
 *
 * @param startedAt when it started
 * @param took the whole run, start-up and loading included
 * @param cores processors the JVM sees
 * @param java the Java version
 * @param maxHeapBytes the JVM's maximum heap
 * @param loadAtStart one-minute load average at the start
 * @param loadAtEnd one-minute load average at the end
 * @param shape the synthetic history's shape
 * @param partitions partitions of the keyed topics
 * @param recordsPerTopic records read per topic
 * @param warmupRounds unmeasured rounds per side
 */
record ReplayRun(
        Instant startedAt,
        Duration took,
        int cores,
        String java,
        long maxHeapBytes,
        double loadAtStart,
        double loadAtEnd,
        HistoryShape shape,
        int partitions,
        Map<String, Long> recordsPerTopic,
        int warmupRounds) {

    ReplayRun {
        recordsPerTopic = Map.copyOf(recordsPerTopic);
    }
}
