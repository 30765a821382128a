package dev.imagepipe.bench.replay;

import dev.imagepipe.auditor.replay.LogReader;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The baseline: a bare {@link KafkaConsumer} reading the audited topics once — assign every partition, seek to the
 * beginning, poll with {@code read_committed} to the end offsets seen at the start, and decode each value with the
 * topic's Avro serde — and nothing else. It uses the auditor's own consumer settings ({@link LogReader#consumerConfig}),
 * so the ratio measures what the audit does with the records, not a different fetch size.
 */
final class BareRead {

    private static final Duration POLL = Duration.ofMillis(500);

    private BareRead() {}

    /** What one read saw: records, and a checksum of the decoded values that keeps the decoding from being elided. */
    record Outcome(long records, long checksum) {}

    static Outcome read(String bootstrapServers, Topics topics, Set<Source> sources) {
        Map<String, Deserializer<? extends SpecificRecord>> deserializers = new HashMap<>();
        sources.forEach(source -> {
            var topic = source.topic(topics);
            deserializers.put(topic.name(), topic.valueSerde().deserializer());
        });
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                LogReader.consumerConfig(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            deserializers.keySet().forEach(name -> consumer.partitionsFor(name)
                    .forEach(info -> partitions.add(new TopicPartition(name, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            long records = 0;
            long checksum = 0;
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    SpecificRecord value = record.value() == null
                            ? null
                            : deserializers
                                    .get(record.topic())
                                    .deserialize(record.topic(), record.headers(), record.value());
                    records++;
                    checksum +=
                            value == null ? 0 : value.getSchema().getFields().size();
                }
                remaining.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
            return new Outcome(records, checksum);
        }
    }
}
