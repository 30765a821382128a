package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the audited topics from the beginning ({@link LogReader}) into an audit log: each value decoded with its
 * topic's serde and handed to a {@link LogCollector}; records stamped after the window's end are counted but not
 * collected.
 */
public final class Replay {

    private final LogReader reader;
    private final Topics topics;

    /**
     * @param reader reads the log
     * @param topics the topic catalog (names and serdes)
     */
    public Replay(LogReader reader, Topics topics) {
        this.reader = reader;
        this.topics = topics;
    }

    /** Reads {@code sources} up to {@code window}'s end. */
    public ReplayResult run(Set<Source> sources, Window window, ReplayProgress progress) {
        LogCollector collector = new LogCollector();
        Map<String, Source> byTopic = new LinkedHashMap<>();
        Map<String, Deserializer<? extends SpecificRecord>> deserializers = new HashMap<>();
        for (Source source : sources) {
            var topic = source.topic(topics);
            byTopic.put(topic.name(), source);
            deserializers.put(topic.name(), topic.valueSerde().deserializer());
        }
        Map<String, Long> counts = new HashMap<>();
        byTopic.keySet().forEach(name -> counts.put(name, 0L));
        List<String> missing = reader.read(
                byTopic.keySet(),
                record -> {
                    counts.merge(record.topic(), 1L, Long::sum);
                    if (window.reads(Instant.ofEpochMilli(record.timestamp()))) {
                        collect(record, byTopic.get(record.topic()), deserializers.get(record.topic()), collector);
                    }
                },
                progress);
        return new ReplayResult(collector.log(), collector.violations(), counts, missing);
    }

    private static void collect(
            ConsumerRecord<byte[], byte[]> raw,
            Source source,
            Deserializer<? extends SpecificRecord> deserializer,
            LogCollector collector) {
        Position position = new Position(raw.topic(), raw.partition(), raw.offset());
        Instant timestamp = Instant.ofEpochMilli(raw.timestamp());
        String key = raw.key() == null ? "" : new String(raw.key(), StandardCharsets.UTF_8);
        SpecificRecord value;
        try {
            value = raw.value() == null ? null : deserializer.deserialize(raw.topic(), raw.headers(), raw.value());
        } catch (RuntimeException e) {
            collector.unreadable(position, timestamp, key, "does not decode: " + e.getMessage());
            return;
        }
        collector.add(source, position, timestamp, key, value);
    }
}
