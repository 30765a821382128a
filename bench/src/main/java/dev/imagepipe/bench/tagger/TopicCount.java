package dev.imagepipe.bench.tagger;

import dev.imagepipe.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Loads a topic before a round and counts what a round wrote, as {@code read_committed} readers see it. */
final class TopicCount {

    /** A count that has not reached the end by then means the broker is stuck. */
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    /** Batches of a few hundred records: loading 20,000 takes a second, not a request per record. */
    private static final int LINGER_MS = 20;

    private TopicCount() {}

    static <V> void produce(String bootstrapServers, Topic<String, V> topic, List<V> values, Function<V, String> key) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        LINGER_MS,
                        // One request at a time: the loading is not timed, and a loaded machine's slow first
                        // requests then cannot be retried behind later ones.
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new StringSerializer(),
                topic.valueSerde().serializer())) {
            var sent = new ArrayList<java.util.concurrent.Future<?>>(values.size());
            values.forEach(
                    value -> sent.add(producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value))));
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not load " + topic.name(), e.getCause());
        }
    }

    /** The committed records on {@code topic}, all partitions. */
    static long committed(String bootstrapServers, String topic, int partitions) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            long count = 0;
            long limit = System.nanoTime() + READ_LIMIT.toNanos();
            while (all.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > limit) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
