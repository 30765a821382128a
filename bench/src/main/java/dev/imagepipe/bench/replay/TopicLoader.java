package dev.imagepipe.bench.replay;

import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes history records straight to their topics with the catalog's Avro serdes, in transactions as the apps write
 * under exactly-once (so the log carries commit markers, as a real one does), partitioned by key with Kafka's default
 * partitioner.
 */
final class TopicLoader implements AutoCloseable {

    /** Records per transaction: about what the apps commit per 100 ms commit interval under load. */
    static final int RECORDS_PER_TRANSACTION = 500;

    private final Topics topics;
    /** One serializer per topic: each keeps its own cache of registered schema ids. */
    private final Map<Source, Serializer<SpecificRecord>> serializers = new EnumMap<>(Source.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private int inTransaction;
    private long written;

    TopicLoader(String bootstrapServers, Topics topics) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "imagepipe-bench-replay-" + UUID.randomUUID(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
    }

    @SuppressWarnings("unchecked")
    void write(HistoryRecord record) {
        if (inTransaction == 0) {
            producer.beginTransaction();
        }
        Topic<String, SpecificRecord> topic =
                (Topic<String, SpecificRecord>) record.source().topic(topics);
        byte[] value = serializers
                .computeIfAbsent(record.source(), source -> topic.valueSerde().serializer())
                .serialize(topic.name(), record.value());
        producer.send(new ProducerRecord<>(
                topic.name(),
                null,
                record.timestamp().toEpochMilli(),
                record.key().getBytes(StandardCharsets.UTF_8),
                value));
        written++;
        if (++inTransaction == RECORDS_PER_TRANSACTION) {
            commit();
        }
    }

    private void commit() {
        producer.commitTransaction();
        inTransaction = 0;
    }

    long written() {
        return written;
    }

    /** Commits what is open and closes the producer. */
    @Override
    public void close() {
        if (inTransaction > 0) {
            commit();
        }
        producer.close();
    }
}
