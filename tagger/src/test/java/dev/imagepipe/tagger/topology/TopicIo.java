package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.testing.kafka.CommittedRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to a test's topics the way producers and consumers outside the pipeline do: records in with a plain producer,
 * everything read back with {@code read_committed}, and the offsets that tell how far a transactional app got.
 */
final class TopicIo implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    TopicIo(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the catalog's topics as {@code imagepipe up} or an operator would, before anything is produced. */
    void ensure(Topics topics) {
        new TopicAdmin(admin).ensure(topics.declarations(), Optional.of((short) 1));
    }

    /** Sends every record, keyed by {@code key}, and waits until all are acknowledged. */
    <V> void produce(Topic<String, V> topic, List<V> values, Function<V, String> key) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                topic.valueSerde().serializer())) {
            var sent = values.stream()
                    .map(value -> producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value)))
                    .toList();
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic.name(), e.getCause());
        }
    }

    /** Every committed record of {@code topic} once {@code done} holds for them. */
    <V> List<ConsumerRecord<String, V>> awaitRecords(
            Topic<String, V> topic, Duration timeout, Predicate<List<ConsumerRecord<String, V>>> done) {
        return CommittedRecords.awaitUntil(bootstrapServers, topic, timeout, done);
    }

    /** Everything committed on {@code topic} now (up to the last stable offset of each partition). */
    <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        return CommittedRecords.readAll(bootstrapServers, topic, Duration.ofSeconds(60));
    }

    /** The latest value per key, as a compacted topic reads; a key whose latest record is a tombstone maps to null. */
    static <V> Map<String, V> latest(List<ConsumerRecord<String, V>> records) {
        var table = new LinkedHashMap<String, V>();
        records.forEach(record -> table.put(record.key(), record.value()));
        return table;
    }

    /** Per partition of {@code topic}, the offset after the last record, committed or not (the high watermark). */
    Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic) {
        return offsets(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /** Per partition of {@code topic}, the offset before the first record of a transaction still open (the LSO). */
    Map<TopicPartition, Long> stableOffsets(Topic<?, ?> topic) {
        return offsets(topic, IsolationLevel.READ_COMMITTED);
    }

    /** Whether some partition of {@code topic} holds records of a transaction neither committed nor aborted. */
    boolean hasOpenTransaction(Topic<?, ?> topic) {
        Map<TopicPartition, Long> stable = stableOffsets(topic);
        return endOffsets(topic).entrySet().stream().anyMatch(end -> end.getValue() > stable.get(end.getKey()));
    }

    /** The input offsets {@code groupId} has committed on {@code topic}, per partition (0 where none). */
    Map<TopicPartition, Long> committedOffsets(String groupId, Topic<?, ?> topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var out = new LinkedHashMap<TopicPartition, Long>();
            for (TopicPartition partition : partitions(topic)) {
                OffsetAndMetadata offset = committed.get(partition);
                out.put(partition, offset == null ? 0L : offset.offset());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + groupId, e.getCause());
        }
    }

    /** Whether {@code groupId} has committed its way to the end of {@code topic}: all its input is consumed. */
    boolean consumedAll(String groupId, Topic<?, ?> topic) {
        return committedOffsets(groupId, topic).equals(endOffsets(topic));
    }

    private Map<TopicPartition, Long> offsets(Topic<?, ?> topic, IsolationLevel isolation) {
        try {
            var request = new LinkedHashMap<TopicPartition, OffsetSpec>();
            partitions(topic).forEach(partition -> request.put(partition, OffsetSpec.latest()));
            var answer = admin.listOffsets(request, new ListOffsetsOptions(isolation))
                    .all()
                    .get();
            var out = new LinkedHashMap<TopicPartition, Long>();
            answer.forEach((partition, info) -> out.put(partition, info.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the offsets of " + topic.name(), e.getCause());
        }
    }

    private List<TopicPartition> partitions(Topic<?, ?> topic) {
        int count = topic.declaration().partitions();
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            partitions.add(new TopicPartition(topic.name(), p));
        }
        return partitions;
    }

    @Override
    public void close() {
        admin.close();
    }
}
