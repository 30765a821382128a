package dev.imagepipe.bench.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * What a reader needs to weigh the figures: the machine, the JVM, the settings both sides ran with.
 *
 * @param heapBeforeImporterBytes heap in use after a full collection with broker, schema registry and baseline client
 *     up but the importer not yet started: what the pipeline's heap figures are read against
 * @param loadAverageAtStart the machine's one-minute load average when the run started: other work on a shared
 *     machine takes cores from both sides and makes the figures noisier
 */
public record RunInfo(
        Instant startedAt,
        Duration wallTime,
        int cores,
        String javaVersion,
        PipelineBenchConfig config,
        int streamThreads,
        int partitions,
        String processingGuarantee,
        Duration commitInterval,
        long heapMaxBytes,
        long heapBeforeImporterBytes,
        double loadAverageAtStart,
        double loadAverageAtEnd) {}
