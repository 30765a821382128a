package dev.imagepipe.cli;

import static dev.imagepipe.cli.testing.TaggerFixtures.D1;
import static dev.imagepipe.cli.testing.TaggerFixtures.D2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.imagepipe.cli.testing.TaggerFixtures;
import dev.imagepipe.cli.testing.TopicRecords;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.TaggerApplication;
import dev.imagepipe.tagger.config.TaggerConfigLoader;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get}, {@code watch tags} and {@code tag delete} against a real tagger ({@link TaggerApplication} in this JVM)
 * on a real broker. The test plays the importer, which is out of scope here: it produces ImageStreamImport results
 * (and Image records) itself, and passes the deletion request {@code tag delete} submits through to
 * {@code import.results} as the importer does (docs/decisions.md, 13).
 */
@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TaggerCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;

    private static KafkaEnvironment kafka;
    private static TaggerApplication tagger;

    /** What one command run printed and how it exited. */
    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void startTagger(KafkaEnvironment environment) {
        kafka = environment;
        tagger = TaggerApplication.start(TaggerConfigLoader.load(
                Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(),
                        "schema.registry.url", kafka.schemaRegistryUrl(),
                        "topic.prefix", kafka.topicPrefix(),
                        "application.id", kafka.topicPrefix() + "tagger",
                        "state.dir", stateDir.toString(),
                        "replication.factor", "1",
                        "num.stream.threads", "1"),
                Map.of(),
                Optional.empty()));
    }

    @AfterAll
    static void stopTagger() {
        if (tagger != null) {
            tagger.close();
        }
    }

    /** A fresh catalog per use: Kafka clients close the serdes they are given. */
    private static Topics topics() {
        return Topics.create(
                kafka.topicPrefix(), Topics.DEFAULT_PARTITIONS, ValueSerdes.schemaRegistry(kafka.serdeConfig()));
    }

    private static String[] withConnection(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of(
                "-b", kafka.bootstrapServers(),
                "--schema-registry", kafka.schemaRegistryUrl(),
                "--topic-prefix", kafka.topicPrefix()));
        return all.toArray(String[]::new);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Imagepipe.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(withConnection(args));
        return new Run(exit, out.toString(), err.toString());
    }

    private static <V> void produce(Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private static void imported(String ns, String stream, String uid, String tag, String digest) throws Exception {
        produce(topics().importResults(), ns + "/" + stream, result(ns, stream, uid, tag, digest));
    }

    /** Runs {@code get ...} until its output satisfies {@code done}, which the tagger's next commit makes true. */
    private static Run awaitGet(java.util.function.Predicate<Run> done, String... args) {
        Run[] last = new Run[1];
        await().atMost(WAIT).until(() -> done.test(last[0] = run(args)));
        return last[0];
    }

    @Test
    void getShowsStreamsAndTagsAsTheTaggerWroteThem() throws Exception {
        imported("team", "app", "req-1", "latest", D1);
        imported("team", "app", "req-2", "latest", D2);

        Run json = awaitGet(r -> r.exit() == 0 && r.out().contains(D1), "get", "tags", "team/app:latest", "-o", "json");
        JsonNode tag = new ObjectMapper().readTree(json.out());
        assertThat(tag.get("kind").asText()).isEqualTo("ImageStreamTag");
        assertThat(tag.at("/metadata/name").asText()).isEqualTo("app:latest");
        assertThat(tag.at("/image/metadata/name").asText()).isEqualTo(D2);
        assertThat(tag.at("/history/1/image").asText()).isEqualTo(D1);

        Run table = run("get", "tags", "team/app");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().toList().get(1).split("\\s{2,}"))
                .containsExactly("team", "app:latest", D2, "quay.io/team/app@" + D2, "2", "2026-03-01T10:00:01Z");

        Run yaml = run("get", "streams", "team", "-o", "yaml");
        JsonNode list = new YAMLMapper().readTree(yaml.out());
        assertThat(list.get("kind").asText()).as(yaml.err()).isEqualTo("List");
        assertThat(list.at("/items/0/kind").asText()).isEqualTo("ImageStream");
        assertThat(list.at("/items/0/status/tags/0/items")).hasSize(2);

        Run missing = run("get", "tags", "team/app:nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no tags named \"team/app:nope\"");
    }

    @Test
    void getShowsImagesAndTheVerdictsOnTheirSignatures() throws Exception {
        Image image = Image.newBuilder(TaggerFixtures.image())
                .setSignatures(List.of(ImageSignature.newBuilder()
                        .setMetadata(
                                ObjectMeta.newBuilder().setName(D2 + "@sig-1").build())
                        .setType("AtomicImageV1")
                        .setContent(ByteBuffer.wrap("not a real signature".getBytes()))
                        .build()))
                .build();
        produce(topics().images(), D2, image);

        Run images = awaitGet(r -> r.exit() == 0, "get", "images", D2);
        assertThat(images.out().lines().toList().get(1)).startsWith(D2).contains("quay.io/team/app@" + D2);

        Run signatures = awaitGet(r -> r.exit() == 0, "get", "signatures", D2);
        List<String> row = List.of(signatures.out().lines().toList().get(1).split("\\s{2,}"));
        assertThat(row.get(0)).isEqualTo(D2 + "@sig-1");
        assertThat(row.get(1)).isEqualTo("AtomicImageV1");
        assertThat(row.get(2)).as("no trusted key verifies it").isIn("False", "Unknown");
    }

    @Test
    void watchPrintsEachNewEventOfTheNamedStreamUntilItsCount() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Imagepipe.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(withConnection("watch", "tags", "team/web", "--count", "2")));
        await().atMost(WAIT).until(() -> err.toString().contains("watching"));

        imported("team", "web", "req-w1", "v1", D1);
        imported("team", "other", "req-o1", "v1", D1);
        imported("team", "web", "req-w2", "v1", D2);

        assertThat(exit.get(1, TimeUnit.MINUTES)).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("TIME  KIND  TAG  IMAGE  PREVIOUS  REQUEST");
        assertThat(lines.get(1)).isEqualTo("2026-03-01T10:00:01Z  Added  team/web:v1  " + D1 + "  -  req-w1");
        assertThat(lines.get(2)).isEqualTo("2026-03-01T10:00:01Z  Moved  team/web:v1  " + D2 + "  " + D1 + "  req-w2");
    }

    @Test
    void tagDeleteAsksForTheDeletionWhichTheTaggerApplies() throws Exception {
        imported("team", "db", "req-d1", "v1", D1);
        awaitGet(r -> r.exit() == 0, "get", "tags", "team/db:v1");

        ConsumerRecord<String, ImageStreamImportRequest> submitted;
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics().importRequests())) {
            Run delete = run("tag", "delete", "team/db:v1");
            assertThat(delete.exit()).as(delete.err()).isZero();
            submitted = requests.next(1).getFirst();
            assertThat(delete.out())
                    .contains("deletion of team/db:v1 requested (request "
                            + submitted.value().getMetadata().getUid() + ")");
        }
        try (var events = TopicRecords.fromEnd(kafka.bootstrapServers(), topics().tagEvents())) {
            produce(topics().importResults(), submitted.key(), passedThrough(submitted.value()));

            TagEventRecord deleted = events.next(1).getFirst().value();
            assertThat(deleted.getKind()).isEqualTo(TagEventKind.Deleted);
            assertThat(deleted.getTag()).isEqualTo("v1");
            assertThat(deleted.getRequestUid())
                    .isEqualTo(submitted.value().getMetadata().getUid());
        }
        Run gone = awaitGet(r -> r.exit() == 1, "get", "tags", "team/db:v1");
        assertThat(gone.err()).contains("no tags named \"team/db:v1\"");
    }

    /** What the importer makes of a deletion request: the same metadata and spec, nothing imported. */
    private static ImageStreamImport passedThrough(ImageStreamImportRequest request) {
        return ImageStreamImport.newBuilder()
                .setMetadata(request.getMetadata())
                .setSpec(request.getSpec())
                .setStatus(ImageStreamImportStatus.newBuilder().build())
                .setRequestedAt(request.getRequestedAt())
                .setCompletedAt(request.getRequestedAt())
                .setCause(request.getCause())
                .build();
    }

    /** Event times are fixed, so printed lines are exact; the tagger keeps event time from the result. */
    private static ImageStreamImport result(String ns, String stream, String uid, String tag, String digest) {
        Instant at = Instant.parse("2026-03-01T10:00:01Z");
        Image image = Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference("quay.io/" + ns + "/" + stream + "@" + digest)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .build();
        return ImageStreamImport.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(ns)
                        .setName(stream)
                        .setUid(uid)
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(List.of(ImageImportSpec.newBuilder()
                                .setFrom(new ObjectReference(
                                        "DockerImage", "quay.io/" + ns + "/" + stream + ":" + tag, null))
                                .setTo(new LocalObjectReference(tag))
                                .build()))
                        .build())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(List.of(ImageImportStatus.newBuilder()
                                .setStatus(new Status(StatusOutcome.Success, null, null, 200))
                                .setImage(image)
                                .setTag(tag)
                                .build()))
                        .build())
                .setRequestedAt(at)
                .setCompletedAt(at)
                .setCause(ImportCause.User)
                .build();
    }
}
