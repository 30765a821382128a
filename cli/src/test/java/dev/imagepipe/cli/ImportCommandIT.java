package dev.imagepipe.cli;

import static dev.imagepipe.cli.testing.ResultFixtures.DIGEST;
import static dev.imagepipe.cli.testing.ResultFixtures.answer;
import static dev.imagepipe.cli.testing.ResultFixtures.failed;
import static dev.imagepipe.cli.testing.ResultFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.cli.testing.TopicRecords;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code imagepipe import}'s contract with the pipeline: what it submits, how it finds its answer, what it prints and
 * how it exits.
 *
 * <p>The test plays the importer: it consumes the request and produces the ImageStreamImport result itself. The real
 * importer is a separate module with its own tests; what is under test here is only the client's side of the
 * contract (submit to {@code import.requests} keyed {@code ns/stream}, wait on {@code import.results} for the result
 * with the request's uid, print it, exit 0/1/2), which a scripted importer makes exact and fast.
 */
@KafkaCluster
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ImportCommandIT {

    /** Per test: a catalog's serdes are closed with the client that used them, so none is shared across tests. */
    private Topics topics;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private KafkaEnvironment kafka;
    private KafkaProducer<String, ImageStreamImport> importer;

    @BeforeAll
    static void createTopics(KafkaEnvironment kafka) {
        kafka.createTopics("import.requests", "import.results");
    }

    @BeforeEach
    void startImporter(KafkaEnvironment kafka) {
        this.kafka = kafka;
        topics = Topics.create(kafka.topicPrefix(), 1, ValueSerdes.schemaRegistry(kafka.serdeConfig()));
        Topic<String, ImageStreamImport> results = topics.importResults();
        importer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                results.keySerde().serializer(),
                results.valueSerde().serializer());
    }

    @AfterEach
    void stopImporter() {
        importer.close();
    }

    /** Runs the command in-process on another thread, as it blocks while waiting. */
    private CompletableFuture<Integer> start(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of(
                "-b", kafka.bootstrapServers(),
                "--schema-registry", kafka.schemaRegistryUrl(),
                "--topic-prefix", kafka.topicPrefix()));
        return CompletableFuture.supplyAsync(() -> Imagepipe.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new)));
    }

    private void produceResult(String key, ImageStreamImport result) throws Exception {
        importer.send(new ProducerRecord<>(topics.importResults().name(), key, result))
                .get();
    }

    @Test
    void waitsForTheResultWithItsUidPrintsTheTableAndExitsZero() throws Exception {
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.importRequests())) {
            CompletableFuture<Integer> exit = start("import", "quay.io/org/app:1.0", "--to", "team/app", "--wait");

            ConsumerRecord<String, ImageStreamImportRequest> submitted =
                    requests.next(1).getFirst();
            ImageStreamImportRequest request = submitted.value();
            // An answer to some other request for the same stream comes first and must be passed over.
            ImageStreamImportRequest other = ImageStreamImportRequest.newBuilder(request)
                    .setMetadata(ObjectMeta.newBuilder(request.getMetadata())
                            .setUid("someone-else")
                            .build())
                    .build();
            produceResult(
                    submitted.key(), answer(other, List.of(failed(ImportFailureReason.NotFound, "not ours", "1.0"))));
            produceResult(submitted.key(), answer(request, List.of(imported("quay.io/org/app", "1.0"))));

            assertThat(exit.get(1, TimeUnit.MINUTES)).as(err.toString()).isZero();
            assertThat(submitted.key()).isEqualTo("team/app");
            assertThat(request.getMetadata().getUid()).hasSize(36);
            assertThat(request.getCause()).isEqualTo(ImportCause.User);
            assertThat(request.getRequestedAt()).isBefore(Instant.now().plusSeconds(1));
            assertThat(request.getSpec().getImport$()).isTrue();
            assertThat(request.getSpec().getImages().getFirst().getTo().getName())
                    .isEqualTo("1.0");
            assertThat(out.toString().lines()).hasSize(2).first().asString().startsWith("INDEX");
            assertThat(out.toString().lines().toList().get(1))
                    .matches("0\\s+quay\\.io/org/app:1\\.0\\s+1\\.0\\s+Success\\s+" + DIGEST);
            assertThat(out.toString()).doesNotContain("not ours");
        }
    }

    @Test
    void exitsOneAndPrintsTheOpenShiftDocumentWhenAnImageFailed() throws Exception {
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.importRequests())) {
            CompletableFuture<Integer> exit = start(
                    "import", "quay.io/org/app:9.9", "--to", "team/app:nine", "--wait", "--dry-run", "-o", "json");

            ConsumerRecord<String, ImageStreamImportRequest> submitted =
                    requests.next(1).getFirst();
            produceResult(
                    submitted.key(),
                    answer(
                            submitted.value(),
                            List.of(failed(ImportFailureReason.NotFound, "manifest unknown", "9.9"))));

            assertThat(exit.get(1, TimeUnit.MINUTES)).as(err.toString()).isEqualTo(1);
            assertThat(submitted.value().getSpec().getImport$()).as("--dry-run").isFalse();
            JsonNode printed = new ObjectMapper().readTree(out.toString());
            assertThat(printed.get("kind").asText()).isEqualTo("ImageStreamImport");
            assertThat(printed.at("/metadata/uid").asText())
                    .isEqualTo(submitted.value().getMetadata().getUid());
            assertThat(printed.at("/spec/images/0/to/name").asText()).isEqualTo("nine");
            assertThat(printed.at("/status/images/0/status/status").asText()).isEqualTo("Failure");
            assertThat(printed.at("/status/images/0/status/reason").asText()).isEqualTo("NotFound");
            assertThat(printed.at("/status/images/0/status/message").asText()).isEqualTo("manifest unknown");
        }
    }

    @Test
    void exitsTwoWhenNoResultArrivesInTime() throws Exception {
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.importRequests())) {
            int exit = start("import", "quay.io/org/app:1.0", "--to", "team/slow", "--wait", "--timeout", "2s")
                    .get(1, TimeUnit.MINUTES);

            assertThat(exit).isEqualTo(2);
            String uid = requests.next(1).getFirst().value().getMetadata().getUid();
            assertThat(err.toString())
                    .contains("timed out after 2s waiting for the result of team/slow (uid " + uid + ")");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void withoutWaitSubmitsAndExitsZero() throws Exception {
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.importRequests())) {
            int exit = start("import", "quay.io/org/tools", "--to", "team/tools", "--all", "--mode", "PreserveOriginal")
                    .get(1, TimeUnit.MINUTES);

            assertThat(exit).as(err.toString()).isZero();
            ConsumerRecord<String, ImageStreamImportRequest> submitted =
                    requests.next(1).getFirst();
            assertThat(submitted.key()).isEqualTo("team/tools");
            assertThat(submitted.value().getSpec().getRepository().getFrom().getName())
                    .isEqualTo("quay.io/org/tools");
            assertThat(out.toString())
                    .startsWith("import of team/tools submitted (uid "
                            + submitted.value().getMetadata().getUid());
        }
    }

    @Test
    void warnsWhenTheImportTagsNothing() throws Exception {
        try (var requests = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.importRequests())) {
            int exit = start("import", "quay.io/org/app@" + DIGEST, "--to", "team/pinned")
                    .get(1, TimeUnit.MINUTES);

            assertThat(exit).as(err.toString()).isZero();
            assertThat(requests.next(1)
                            .getFirst()
                            .value()
                            .getSpec()
                            .getImages()
                            .getFirst()
                            .getTo())
                    .isNull();
            assertThat(err.toString())
                    .startsWith("note: nothing names a tag to import into")
                    .contains("not tagged into team/pinned");
        }
    }
}
