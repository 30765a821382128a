package dev.imagepipe.cli.kafka;

import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Submits ImageStreamImport requests to {@code import.requests} and, when asked, waits on {@code import.results} for
 * the result that answers one.
 *
 * <p>Waiting reads the results topic from its end offsets captured <em>before</em> the request is produced, so the
 * answer cannot slip past however fast the importer is, and only results newer than the request are looked at. The
 * answer is the first result with the request's key ({@code ns/stream}) and {@code metadata.uid}.
 */
public final class ImportClient implements AutoCloseable {

    /**
     * How long one poll waits: the cadence of progress updates, and short enough that a deadline is overshot by at
     * most this much.
     */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final KafkaConnection connection;
    private final Topic<String, ImageStreamImportRequest> requests;
    private final Producer<String, ImageStreamImportRequest> producer;

    /** Called on every poll while waiting, with the time spent so far; for progress display. */
    @FunctionalInterface
    public interface WaitListener {
        void waiting(Duration elapsed);
    }

    public ImportClient(KafkaConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        Topics topics = connection.topics();
        this.requests = topics.importRequests();
        this.producer = new KafkaProducer<>(
                connection.producerConfig(),
                requests.keySerde().serializer(),
                requests.valueSerde().serializer());
    }

    /** The topic requests go to, for messages. */
    public String requestTopic() {
        return requests.name();
    }

    /**
     * Produces {@code request} keyed {@code key} and waits for the broker's acknowledgement.
     *
     * @throws KafkaException when the broker does not take it
     */
    public RecordMetadata submit(String key, ImageStreamImportRequest request) throws InterruptedException {
        try {
            return producer.send(new ProducerRecord<>(requests.name(), key, request))
                    .get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka
                    ? kafka
                    : new KafkaException("could not submit to " + requests.name(), e.getCause());
        }
    }

    /**
     * Submits {@code request} and waits up to {@code timeout} for its result.
     *
     * @return the result, or empty when none arrived in time
     */
    public Optional<ImageStreamImport> submitAndWait(
            String key, ImageStreamImportRequest request, Duration timeout, WaitListener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        String uid = request.getMetadata().getUid();
        // Fresh serdes for each wait: the consumer closes the ones it is given.
        Topic<String, ImageStreamImport> results = connection.topics().importResults();
        try (Consumer<String, ImageStreamImport> consumer = new KafkaConsumer<>(
                connection.consumerConfig(),
                results.keySerde().deserializer(),
                results.valueSerde().deserializer())) {
            Map<TopicPartition, Long> ends = Partitions.assignAll(consumer, results.name());
            ends.forEach(consumer::seek);
            submit(key, request);
            while (true) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (elapsed.compareTo(timeout) >= 0) {
                    return Optional.empty();
                }
                listener.waiting(elapsed);
                Optional<ImageStreamImport> answer = poll(consumer, key, uid);
                if (answer.isPresent()) {
                    return answer;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted waiting for the result of " + key);
                }
            }
        }
    }

    private Optional<ImageStreamImport> poll(Consumer<String, ImageStreamImport> consumer, String key, String uid) {
        try {
            for (ConsumerRecord<String, ImageStreamImport> record : consumer.poll(POLL_INTERVAL)) {
                if (answers(record, key, uid)) {
                    return Optional.of(record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            // A result this CLI cannot read (another schema, corrupt bytes) is not ours to judge: skip it.
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        return Optional.empty();
    }

    static boolean answers(ConsumerRecord<String, ImageStreamImport> record, String key, String uid) {
        ImageStreamImport value = record.value();
        return value != null
                && key.equals(record.key())
                && uid.equals(value.getMetadata().getUid());
    }

    @Override
    public void close() {
        producer.close();
    }
}
