package dev.imagepipe.importer.app;

import dev.imagepipe.importer.ImporterApplication;
import dev.imagepipe.importer.config.ImporterConfig;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.testing.kafka.CommittedRecords;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the importer against a test class's Kafka and schema registry, and talks to it the way producers and consumers
 * do: requests in through {@code import.requests}, everything else read back from the topics with
 * {@code read_committed}.
 */
final class ImporterHarness implements AutoCloseable {

    static final Instant REQUESTED = Instant.parse("2026-03-01T10:00:00Z");

    private final KafkaEnvironment kafka;
    private final Topics topics;
    private final KafkaProducer<String, ImageStreamImportRequest> producer;
    private ImporterApplication importer;

    ImporterHarness(KafkaEnvironment kafka) {
        this.kafka = kafka;
        this.topics = Topics.create(
                kafka.topicPrefix(), Topics.DEFAULT_PARTITIONS, ValueSerdes.schemaRegistry(kafka.serdeConfig()));
        // The catalog's topics exist before anything is produced, as `imagepipe up` or an operator would leave them.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicAdmin(admin).ensure(topics.declarations(), Optional.of((short) 1));
        }
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                topics.importRequests().valueSerde().serializer());
    }

    Topics topics() {
        return topics;
    }

    /** The importer's settings for tests: one thread, loopback registries allowed, internal topics with one replica. */
    static Map<String, String> flags(KafkaEnvironment kafka, Path stateDir, String registryHosts) {
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("schema.registry.url", kafka.schemaRegistryUrl());
        flags.put("topic.prefix", kafka.topicPrefix());
        flags.put("application.id", kafka.topicPrefix() + "importer");
        flags.put("state.dir", stateDir.toString());
        flags.put("replication.factor", "1");
        flags.put("num.stream.threads", "1");
        flags.put("importer.allowed-private-hosts", registryHosts);
        // Loopback registries answer in microseconds; the client's default 10/s would make tests measure the limiter.
        flags.put("importer.per-registry.rate", "10000");
        flags.put("importer.per-registry.burst", "10000");
        flags.put("importer.per-registry.concurrency", "64");
        return flags;
    }

    ImporterApplication start(Map<String, String> flags) {
        ImporterConfig config = ImporterConfigLoader.load(flags, Map.of(), Optional.empty());
        importer = ImporterApplication.start(config);
        return importer;
    }

    void stop() {
        if (importer != null) {
            importer.close();
            importer = null;
        }
    }

    void publish(ImportPolicy policy) {
        try (var policies = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                topics.policy().valueSerde().serializer())) {
            policies.send(new ProducerRecord<>(topics.policy().name(), policy.getName(), policy))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not publish the policy", e.getCause());
        }
    }

    /** Submits {@code request} under {@code ns/stream} and returns its uid. */
    String submit(ImageStreamImportRequest request) {
        String key = request.getMetadata().getNamespace() + "/"
                + request.getMetadata().getName();
        try {
            producer.send(new ProducerRecord<>(topics.importRequests().name(), key, request))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not submit the request", e.getCause());
        }
        return request.getMetadata().getUid();
    }

    void submitRaw(String key, byte[] value) {
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.importRequests().name(), key, value));
        }
    }

    /** The result whose metadata.uid is {@code uid}, waiting up to {@code timeout}. */
    ImageStreamImport awaitResult(String uid, Duration timeout) {
        return awaitRecords(topics.importResults(), timeout, records -> records.stream()
                        .anyMatch(record ->
                                uid.equals(record.value().getMetadata().getUid())))
                .stream()
                .map(ConsumerRecord::value)
                .filter(value -> uid.equals(value.getMetadata().getUid()))
                .findFirst()
                .orElseThrow();
    }

    /** Every record of {@code topic} once {@code done} holds for them. */
    <V> List<ConsumerRecord<String, V>> awaitRecords(
            Topic<String, V> topic, Duration timeout, Predicate<List<ConsumerRecord<String, V>>> done) {
        return CommittedRecords.awaitUntil(kafka.bootstrapServers(), topic, timeout, done);
    }

    /** Everything committed on {@code topic} now. */
    <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        return CommittedRecords.readAll(kafka.bootstrapServers(), topic, Duration.ofSeconds(30));
    }

    static ImageStreamImportRequest request(
            String namespace, String stream, boolean doImport, List<ImageImportSpec> images) {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(namespace)
                        .setName(stream)
                        .setUid(UUID.randomUUID().toString())
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(doImport)
                        .setImages(images)
                        .build())
                .setRequestedAt(REQUESTED)
                .build();
    }

    static ImageStreamImportRequest repositoryRequest(String namespace, String stream, String repository) {
        ImageStreamImportRequest request = request(namespace, stream, true, List.of());
        return ImageStreamImportRequest.newBuilder(request)
                .setSpec(ImageStreamImportSpec.newBuilder(request.getSpec())
                        .setRepository(RepositoryImportSpec.newBuilder()
                                .setFrom(new ObjectReference("DockerImage", repository, null))
                                .build())
                        .build())
                .build();
    }

    static ImageImportSpec spec(String from) {
        return ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference("DockerImage", from, null))
                .build();
    }

    @Override
    public void close() {
        stop();
        producer.close();
    }
}
