package dev.imagepipe.bench.replay;

import dev.imagepipe.auditor.replay.Source;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of the synthetic history, as it will be written.
 *
 * @param source the topic
 * @param key the record key
 * @param timestamp the record's timestamp (the broker's append time replaces it on log-append-time topics)
 * @param value the Avro value
 */
record HistoryRecord(Source source, String key, Instant timestamp, SpecificRecord value) {}
