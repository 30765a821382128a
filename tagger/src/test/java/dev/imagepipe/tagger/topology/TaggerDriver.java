package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.topology.DeadLetterHandler;
import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import dev.imagepipe.schemas.avro.TagReferencePolicy;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.history.ImageStreamState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The tagger topology in a {@link TopologyTestDriver} against a real in-process schema registry, with a wall clock the
 * test moves ({@link #advance}) together with the driver's, and builders for importer results.
 */
final class TaggerDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String NS = "ns";
    static final String STREAM = "ruby";
    static final String KEY = NS + "/" + STREAM;

    final Topics topics;
    final TopologyTestDriver driver;
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final TestInputTopic<String, ImageStreamImport> results;
    private final TestInputTopic<String, Image> images;
    private final TestInputTopic<String, ImportPolicy> policies;
    final TestOutputTopic<String, ImageStream> streams;
    final TestOutputTopic<String, ImageStreamTagView> tags;
    final TestOutputTopic<String, TagEventRecord> tagEvents;
    final TestOutputTopic<String, ImageStreamImportRequest> requests;
    final TestOutputTopic<String, ImageSignature> signatures;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    /** What the topology told its {@link TaggerEvents}, in order: a change's kind, {@code issued}, {@code deferred}. */
    final List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    TaggerDriver(String schemaRegistryUrl, Path stateDir, TaggerTopology.Settings settings) {
        ValueSerdes serdes = ValueSerdes.schemaRegistry(Map.of(RegistryClientSettings.URL, schemaRegistryUrl));
        topics = Topics.create("test.", 1, serdes);
        InstantSource clock = now::get;
        var withClock = new TaggerTopology.Settings(
                settings.policyName(),
                settings.retention(),
                settings.scheduledImports(),
                settings.jitterSeed(),
                settings.punctuationInterval(),
                clock);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "tagger-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(RegistryClientSettings.URL, schemaRegistryUrl);
        DeadLetterHandler.install(properties, topics.deadLetters().name(), "tagger", () -> {});
        driver = new TopologyTestDriver(TaggerTopology.build(topics, serdes, withClock, recorder()), properties, START);
        results = input(topics.importResults());
        images = input(topics.images());
        policies = input(topics.policy());
        streams = output(topics.streams());
        tags = output(topics.tags());
        tagEvents = output(topics.tagEvents());
        requests = output(topics.importRequests());
        signatures = output(topics.signatures());
        deadLetters = output(topics.deadLetters());
    }

    private TaggerEvents recorder() {
        return new TaggerEvents() {
            @Override
            public void tagChanged(dev.imagepipe.tagger.history.TagChange change) {
                told.add(change.getClass().getSimpleName());
            }

            @Override
            public void scheduledImportIssued() {
                told.add("issued");
            }

            @Override
            public void scheduledImportDeferred() {
                told.add("deferred");
            }
        };
    }

    /** Default settings: unlimited history, scheduling on, a 5 s punctuation. */
    static TaggerTopology.Settings settings() {
        return TaggerTopology.Settings.DEFAULT;
    }

    /** Moves the wall clock, firing the punctuations that fall due. */
    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        driver.advanceWallClockTime(by);
    }

    Instant now() {
        return now.get();
    }

    void send(ImageStreamImport result) {
        results.pipeInput(
                result.getMetadata().getNamespace() + "/" + result.getMetadata().getName(),
                result,
                result.getRequestedAt());
    }

    void sendImage(Image image, Instant at) {
        images.pipeInput(image.getMetadata().getName(), image, at);
    }

    void publishPolicy(ImportPolicy policy, Instant at) {
        policies.pipeInput(policy.getName(), policy, at);
    }

    void sendRaw(Topic<String, ?> topic, String key, byte[] value) {
        driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, value, now());
    }

    /** Puts a stream into the store as an earlier writer left it. */
    void seed(ImageStreamState stream) {
        driver.<String, ImageStream>getKeyValueStore(TaggerTopology.STREAMS_STORE)
                .put(stream.key(), AvroStreams.toAvro(stream));
    }

    ImageStreamState stored(String key) {
        return AvroStreams.toDomain(driver.<String, ImageStream>getKeyValueStore(TaggerTopology.STREAMS_STORE)
                .get(key));
    }

    /** Every tag view written, last one per key (a compacted topic's reading); tombstones as null values. */
    Map<String, ImageStreamTagView> tagTable() {
        var table = new LinkedHashMap<String, ImageStreamTagView>();
        for (TestRecord<String, ImageStreamTagView> record : tags.readRecordsToList()) {
            table.put(record.key(), record.value());
        }
        return table;
    }

    boolean nothingWritten() {
        return streams.isEmpty() && tags.isEmpty() && tagEvents.isEmpty() && requests.isEmpty();
    }

    @Override
    public void close() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(
                topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(
                topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
    }

    // --- importer results ---

    /** One {@code spec.images[i]} with its {@code status.images[i]}. */
    record Entry(ImageImportSpec spec, ImageImportStatus status) {}

    /**
     * An image imported from {@code from} into {@code tag}; the importer reports {@code <from's repository>@digest}.
     */
    static Entry imported(String tag, String from, String digest) {
        return imported(tag, from, digest, ReferencePolicyType.Source, false);
    }

    static Entry imported(String tag, String from, String digest, ReferencePolicyType policy, boolean scheduled) {
        Image image = Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference(repository(from) + "@" + digest)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .build();
        return new Entry(
                spec(tag, from, policy, scheduled),
                ImageImportStatus.newBuilder()
                        .setStatus(new Status(StatusOutcome.Success, null, null, 200))
                        .setImage(image)
                        .setTag(tag)
                        .build());
    }

    static Entry failed(String tag, String from, ImportFailureReason reason, String message) {
        return failed(tag, from, reason, message, false);
    }

    static Entry failed(String tag, String from, ImportFailureReason reason, String message, boolean scheduled) {
        return new Entry(
                spec(tag, from, ReferencePolicyType.Source, scheduled),
                ImageImportStatus.newBuilder()
                        .setStatus(new Status(StatusOutcome.Failure, reason, message, 404))
                        .setTag(tag)
                        .build());
    }

    /** A persisting result for ns/ruby, request {@code uid}, requested at {@code at}. */
    static ImageStreamImport result(String uid, Instant at, Entry... entries) {
        return result(
                ObjectMeta.newBuilder()
                        .setNamespace(NS)
                        .setName(STREAM)
                        .setUid(uid)
                        .build(),
                at,
                entries);
    }

    /** A persisting result answering a request with {@code metadata} (namespace, name, uid, resource version). */
    static ImageStreamImport result(ObjectMeta metadata, Instant at, Entry... entries) {
        return ImageStreamImport.newBuilder()
                .setMetadata(metadata)
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(Arrays.stream(entries).map(Entry::spec).toList())
                        .build())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(Arrays.stream(entries).map(Entry::status).toList())
                        .build())
                .setRequestedAt(at)
                .setCompletedAt(at)
                .setCause(ImportCause.User)
                .build();
    }

    /** A repository import of {@code repository} that found {@code tagDigests} (tag, digest, tag, digest, ...). */
    static ImageStreamImport repositoryResult(String uid, Instant at, String repository, String... tagDigests) {
        var statuses = new ArrayList<ImageImportStatus>();
        for (int i = 0; i < tagDigests.length; i += 2) {
            statuses.add(imported(tagDigests[i], repository + ":" + tagDigests[i], tagDigests[i + 1])
                    .status());
        }
        ImageStreamImport result = result(uid, at);
        return ImageStreamImport.newBuilder(result)
                .setSpec(ImageStreamImportSpec.newBuilder(result.getSpec())
                        .setRepository(RepositoryImportSpec.newBuilder()
                                .setFrom(new ObjectReference("DockerImage", repository, null))
                                .build())
                        .build())
                .setStatus(ImageStreamImportStatus.newBuilder(result.getStatus())
                        .setRepository(RepositoryImportStatus.newBuilder()
                                .setStatus(new Status(StatusOutcome.Success, null, null, 200))
                                .setImages(statuses)
                                .build())
                        .build())
                .build();
    }

    /** A tag deletion request, as the importer passes it through. */
    static ImageStreamImport deletion(String uid, Instant at, String tags) {
        ImageStreamImport result = result(uid, at);
        var annotations = new LinkedHashMap<String, String>();
        annotations.put("imagepipe.dev/delete-tags", tags);
        return ImageStreamImport.newBuilder(result)
                .setMetadata(ObjectMeta.newBuilder(result.getMetadata())
                        .setAnnotations(annotations)
                        .build())
                .build();
    }

    static String repository(String from) {
        int at = from.indexOf('@');
        String name = at >= 0 ? from.substring(0, at) : from;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    private static ImageImportSpec spec(String tag, String from, ReferencePolicyType policy, boolean scheduled) {
        return ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference("DockerImage", from, null))
                .setTo(new LocalObjectReference(tag))
                .setImportPolicy(new TagImportPolicy(false, scheduled, null))
                .setReferencePolicy(new TagReferencePolicy(policy))
                .build();
    }

    static List<TagEventRecord> values(List<TestRecord<String, TagEventRecord>> records) {
        var out = new ArrayList<TagEventRecord>();
        records.forEach(r -> out.add(r.value()));
        return out;
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
