package dev.imagepipe.bench.pipeline;

import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Drives a running importer the way users do: single-image requests produced to {@code import.requests}, results read
 * from {@code import.results} with {@code read_committed}, so a result counts only once its transaction committed.
 *
 * <p>In: image references, one request each, every request to its own stream. Out: a {@link Measurement} timed from
 * the first submission to the last result read, with each request's submission-to-result latency.
 */
final class PipelineImports implements AutoCloseable {

    /** Namespace of every benchmark request; streams are named per pass and request so none shares a key. */
    static final String NAMESPACE = "bench";

    /** Short polls: a result's arrival is timed when the poll returns, so this bounds how late that can be. */
    static final Duration POLL = Duration.ofMillis(20);

    private final Topics topics;
    private final KafkaProducer<String, ImageStreamImportRequest> producer;
    private final KafkaConsumer<String, ImageStreamImport> results;

    PipelineImports(String bootstrapServers, Topics topics) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                topics.importRequests().keySerde().serializer(),
                topics.importRequests().valueSerde().serializer());
        this.results = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                topics.importResults().keySerde().deserializer(),
                topics.importResults().valueSerde().deserializer());
        List<TopicPartition> partitions = results
                .partitionsFor(topics.importResults().name())
                .stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        results.assign(partitions);
        results.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, or results committed before the first poll would be skipped.
        partitions.forEach(results::position);
    }

    /**
     * Submits one request per reference, as fast as the producer takes them, and reads results until every request has
     * one.
     *
     * @param pass names the streams of this pass ({@code bench/<pass>-<i>})
     * @throws TimeoutException when some result has not arrived within {@code timeout}
     */
    Measurement run(String pass, List<String> references, Duration timeout) throws TimeoutException {
        Map<String, Long> submitted = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < references.size(); i++) {
            ImageStreamImportRequest request = request(pass + "-" + i, references.get(i));
            submitted.put(request.getMetadata().getUid(), System.nanoTime());
            producer.send(
                    new ProducerRecord<>(topics.importRequests().name(), NAMESPACE + "/" + pass + "-" + i, request));
        }
        producer.flush();
        return collect(submitted, start, timeout);
    }

    /** Reads results until every submitted uid has one; takes each uid out of {@code submitted} as it arrives. */
    private Measurement collect(Map<String, Long> submitted, long start, Duration timeout) throws TimeoutException {
        long deadline = start + timeout.toNanos();
        int expected = submitted.size();
        long[] latencies = new long[expected];
        int received = 0;
        int failures = 0;
        long last = start;
        while (received < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(received + " of " + expected + " results within " + timeout);
            }
            var batch = results.poll(POLL);
            long arrived = System.nanoTime();
            for (ConsumerRecord<String, ImageStreamImport> record : batch) {
                Long at = submitted.remove(record.value().getMetadata().getUid());
                if (at != null) {
                    latencies[received++] = arrived - at;
                    failures += succeeded(record.value()) ? 0 : 1;
                    last = arrived;
                }
            }
        }
        return Measurement.of(received, failures, Duration.ofNanos(last - start), latencies);
    }

    private static boolean succeeded(ImageStreamImport result) {
        List<ImageImportStatus> images = result.getStatus().getImages();
        return images.size() == 1 && images.get(0).getStatus().getStatus() == StatusOutcome.Success;
    }

    private static ImageStreamImportRequest request(String stream, String from) {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(NAMESPACE)
                        .setName(stream)
                        .setUid(UUID.randomUUID().toString())
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(List.of(ImageImportSpec.newBuilder()
                                .setFrom(new ObjectReference("DockerImage", from, null))
                                .build()))
                        .build())
                .setRequestedAt(Instant.now())
                .build();
    }

    @Override
    public void close() {
        producer.close();
        results.close();
    }
}
