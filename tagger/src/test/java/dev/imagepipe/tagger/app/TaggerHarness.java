package dev.imagepipe.tagger.app;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import dev.imagepipe.schemas.avro.TagReferencePolicy;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.TaggerApplication;
import dev.imagepipe.tagger.config.TaggerConfigLoader;
import dev.imagepipe.testing.kafka.CommittedRecords;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Runs the tagger against a test's Kafka and schema registry and plays the importer: ImageStreamImport results go
 * straight to {@code import.results}, everything else is read back with {@code read_committed}. The importer itself
 * is out of scope here; its contract with the tagger is the result record, which these builders spell.
 */
final class TaggerHarness implements AutoCloseable {

    private final KafkaEnvironment kafka;
    private final String prefix;
    private final Topics topics;
    private final KafkaProducer<String, ImageStreamImport> producer;
    private TaggerApplication tagger;

    /** @param prefix the topic prefix: the class's own, or one under it for runs that must not see each other */
    TaggerHarness(KafkaEnvironment kafka, String prefix) {
        this.kafka = kafka;
        this.prefix = prefix;
        this.topics = Topics.create(prefix, Topics.DEFAULT_PARTITIONS, ValueSerdes.schemaRegistry(kafka.serdeConfig()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicAdmin(admin).ensure(topics.declarations(), Optional.of((short) 1));
        }
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                topics.importResults().keySerde().serializer(),
                topics.importResults().valueSerde().serializer());
    }

    Topics topics() {
        return topics;
    }

    /** The tagger's settings for tests: one thread, internal topics with one replica, metrics on a free port. */
    Map<String, String> flags(Path stateDir) {
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("schema.registry.url", kafka.schemaRegistryUrl());
        flags.put("topic.prefix", prefix);
        flags.put("application.id", prefix + "tagger");
        flags.put("state.dir", stateDir.toString());
        flags.put("replication.factor", "1");
        flags.put("num.stream.threads", "1");
        flags.put("metrics.port", "0");
        return flags;
    }

    TaggerApplication start(Map<String, String> flags) {
        tagger = TaggerApplication.start(TaggerConfigLoader.load(flags, Map.of(), Optional.empty()));
        return tagger;
    }

    @Override
    public void close() {
        if (tagger != null) {
            tagger.close();
            tagger = null;
        }
        producer.close();
    }

    /** Produces {@code result} keyed {@code ns/stream}, as the importer would, and waits for the broker's ack. */
    void produce(ImageStreamImport result) {
        String key =
                result.getMetadata().getNamespace() + "/" + result.getMetadata().getName();
        try {
            producer.send(new ProducerRecord<>(topics.importResults().name(), key, result))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce the result", e.getCause());
        }
    }

    /** Every committed record of {@code topic} from its start, once {@code done} holds for them. */
    <V> List<ConsumerRecord<String, V>> awaitRecords(
            Topic<String, V> topic, Duration timeout, Predicate<List<ConsumerRecord<String, V>>> done) {
        return CommittedRecords.awaitUntil(kafka.bootstrapServers(), topic, timeout, done);
    }

    /** A read_committed consumer assigned every partition of {@code topic}, at its start. */
    <V> KafkaConsumer<String, V> consumer(Topic<String, V> topic) {
        return CommittedRecords.fromStart(kafka.bootstrapServers(), topic);
    }

    // --- importer results ---

    /** A persisting result for {@code ns/stream}, answering request {@code uid}: {@code tag} imported as digest. */
    static ImageStreamImport imported(String ns, String stream, String uid, Instant at, String tag, String digest) {
        String from = "quay.io/" + ns + "/" + stream + ":" + tag;
        Image image = Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference("quay.io/" + ns + "/" + stream + "@" + digest)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .build();
        ImageImportSpec spec = ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference("DockerImage", from, null))
                .setTo(new LocalObjectReference(tag))
                .setImportPolicy(new TagImportPolicy(false, false, null))
                .setReferencePolicy(new TagReferencePolicy(ReferencePolicyType.Source))
                .build();
        ImageImportStatus status = ImageImportStatus.newBuilder()
                .setStatus(new Status(StatusOutcome.Success, null, null, 200))
                .setImage(image)
                .setTag(tag)
                .build();
        return ImageStreamImport.newBuilder()
                .setMetadata(metadata(ns, stream, uid, Map.of()))
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(List.of(spec))
                        .build())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(List.of(status))
                        .build())
                .setRequestedAt(at)
                .setCompletedAt(at)
                .setCause(ImportCause.User)
                .build();
    }

    static ObjectMeta metadata(String ns, String stream, String uid, Map<String, String> annotations) {
        return ObjectMeta.newBuilder()
                .setNamespace(ns)
                .setName(stream)
                .setUid(uid)
                .setAnnotations(annotations)
                .build();
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }
}
