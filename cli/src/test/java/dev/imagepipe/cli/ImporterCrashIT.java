package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.kafka.KafkaConnection;
import dev.imagepipe.cli.kafka.PolicyClient;
import dev.imagepipe.cli.testing.JarProcess;
import dev.imagepipe.cli.testing.TopicRecords;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.TopicAdmin;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer's delivery guarantee under a crash: {@code imagepipe importer} runs as its own process with
 * {@code exactly_once_v2}, is killed with SIGKILL while requests are in flight, and is started again with the same
 * application id and state directory. Every request must then have exactly one committed result, and every imported
 * digest must be in {@code images}.
 */
@KafkaCluster
@ContainerRegistry
// About a minute and a half on an idle machine; the bound allows for a busy CI runner.
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ImporterCrashIT {

    private static final Logger log = LoggerFactory.getLogger(ImporterCrashIT.class);

    static final int TAGS = 50;
    static final int REQUESTS = 500;

    /** Results committed before the kill: enough to know the first run was working, far from all of them. */
    static final int KILL_AFTER = 60;

    /**
     * Each request costs one HEAD once its tag's digest is known, a few requests before: at this rate the 500 take
     * several seconds, so the kill lands mid-run rather than after the last result.
     */
    static final String REGISTRY_RATE = "100";

    /**
     * Start-up (a JVM, topic checks, the group join, RocksDB) and then the first results: some 20 s on an idle
     * machine; the bound leaves room for a CI runner shared with other builds.
     */
    static final Duration FIRST_RESULTS_WITHIN = Duration.ofSeconds(90);

    /** The restart waits out the dead member's session, restores its stores, then redoes the in-flight work. */
    static final Duration ALL_RESULTS_WITHIN = Duration.ofSeconds(120);

    static final Instant REQUESTED = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path state;

    @Test
    void everyRequestHasExactlyOneResultAfterTheImporterIsKilledAndRestarted(
            KafkaEnvironment kafka, RegistryEndpoint registry) throws Exception {
        List<PushedImage> tags = new ImageFixtures(registry).pushManyTags("crash/app", TAGS);
        log.info("{} tags pushed", tags.size());
        KafkaConnection connection =
                new KafkaConnection(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), kafka.topicPrefix());
        createTopics(kafka);
        new PolicyClient(connection).apply(insecure(registry));
        Set<String> uids = submit(connection, registry);
        log.info("{} requests submitted", uids.size());

        List<ConsumerRecord<String, ImageStreamImport>> seen = new ArrayList<>();
        try (TopicRecords<ImageStreamImport> results = TopicRecords.fromStart(
                        kafka.bootstrapServers(), connection.topics().importResults());
                JarProcess first = startImporter(kafka, registry)) {
            results.readUntil(seen, records -> records.size() >= KILL_AFTER, FIRST_RESULTS_WITHIN);
            first.kill();
            // What the dead process had committed: everything up to the last stable offset, before its open
            // transaction.
            seen.addAll(results.toEnd());
            int beforeKill = distinctUids(seen).size();
            log.info("killed the importer with {} of {} results committed", beforeKill, REQUESTS);
            assertThat(beforeKill)
                    .as("results committed when the importer was killed")
                    .isLessThan(REQUESTS);

            try (JarProcess second = startImporter(kafka, registry)) {
                results.readUntil(seen, records -> distinctUids(records).size() >= REQUESTS, ALL_RESULTS_WITHIN);
                log.info("all {} requests answered after the restart", REQUESTS);
                // A clean stop commits whatever the second run still holds; a duplicate would show up after it.
                assertThat(second.stop()).as("exit status after SIGTERM").isIn(0, 143);
            }
        }

        List<ImageStreamImport> committed = readAll(kafka, connection.topics().importResults()).stream()
                .map(ConsumerRecord::value)
                .toList();
        Map<String, Long> resultsPerUid = committed.stream()
                .collect(Collectors.groupingBy(result -> result.getMetadata().getUid(), Collectors.counting()));
        assertThat(resultsPerUid.keySet()).as("requests with a result").isEqualTo(uids);
        assertThat(resultsPerUid)
                .allSatisfy((uid, count) ->
                        assertThat(count).as("results for %s", uid).isOne());

        List<ImageImportStatus> statuses = committed.stream()
                .map(result -> result.getStatus().getImages().getFirst())
                .toList();
        assertThat(statuses).allSatisfy(status -> assertThat(status.getStatus().getStatus())
                .as("%s", status.getStatus())
                .isEqualTo(StatusOutcome.Success));
        Set<String> imported = statuses.stream()
                .map(status -> status.getImage().getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> images = readAll(kafka, connection.topics().images()).stream()
                .map(ConsumerRecord::key)
                .collect(Collectors.toSet());
        assertThat(imported).as("digests imported").hasSize(TAGS);
        assertThat(images).containsAll(imported);
        assertThat(imported).isEqualTo(tags.stream().map(PushedImage::digest).collect(Collectors.toSet()));
    }

    /** The catalog exists before requests are produced, as {@code imagepipe up} or an operator leaves it. */
    private static void createTopics(KafkaEnvironment kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicAdmin(admin)
                    .ensure(Topics.declarations(kafka.topicPrefix(), Topics.DEFAULT_PARTITIONS), Optional.of((short)
                            1));
        }
    }

    /** The test registry speaks plain HTTP. */
    private static ImportPolicy insecure(RegistryEndpoint registry) {
        return ImportPolicy.newBuilder()
                .setName("cluster")
                .setRegistrySources(RegistrySources.newBuilder()
                        .setInsecureRegistries(List.of(registry.hostPort()))
                        .build())
                .build();
    }

    /**
     * {@value #REQUESTS} requests, each a tag of {@value #TAGS} into a stream of its own, with distinct uids; sent
     * together and then flushed, since one acknowledgement at a time would take longer than the imports.
     */
    private static Set<String> submit(KafkaConnection connection, RegistryEndpoint registry) throws Exception {
        List<String> tagNames = ImageFixtures.tagNames(TAGS);
        Topic<String, ImageStreamImportRequest> topic = connection.topics().importRequests();
        Set<String> uids = new HashSet<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, ImageStreamImportRequest> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers()),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (int i = 0; i < REQUESTS; i++) {
                String stream = "s" + i;
                ImageStreamImportRequest request =
                        request(stream, registry.reference("crash/app", tagNames.get(i % TAGS)));
                sent.add(producer.send(new ProducerRecord<>(topic.name(), "crash/" + stream, request)));
                uids.add(request.getMetadata().getUid());
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
        return uids;
    }

    private static ImageStreamImportRequest request(String stream, String from) {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace("crash")
                        .setName(stream)
                        .setUid(UUID.randomUUID().toString())
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(List.of(ImageImportSpec.newBuilder()
                                .setFrom(new ObjectReference("DockerImage", from, null))
                                .build()))
                        .build())
                .setRequestedAt(REQUESTED)
                .build();
    }

    /** The importer as its own process; both runs share application id and state, as a restarted pod does. */
    private JarProcess startImporter(KafkaEnvironment kafka, RegistryEndpoint registry) {
        return JarProcess.start(List.of(
                "importer",
                "--bootstrap-server",
                kafka.bootstrapServers(),
                "--schema-registry",
                kafka.schemaRegistryUrl(),
                "--topic-prefix",
                kafka.topicPrefix(),
                "--set",
                "application.id=" + kafka.topicPrefix() + "importer",
                "--set",
                "state.dir=" + state,
                "--set",
                "processing.guarantee=exactly_once_v2",
                "--set",
                "replication.factor=1",
                "--set",
                "importer.allowed-private-hosts=" + registry.host(),
                "--set",
                "importer.per-registry.rate=" + REGISTRY_RATE,
                // The broker's minimum: the killed member is dropped from the group after 6 s, not Kafka's 45 s.
                "--set",
                "kafka.session.timeout.ms=6000"));
    }

    private static Set<String> distinctUids(List<ConsumerRecord<String, ImageStreamImport>> records) {
        return records.stream()
                .map(record -> record.value().getMetadata().getUid())
                .collect(Collectors.toSet());
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(KafkaEnvironment kafka, Topic<String, V> topic) {
        try (TopicRecords<V> records = TopicRecords.fromStart(kafka.bootstrapServers(), topic)) {
            return records.toEnd();
        }
    }
}
