package dev.imagepipe.importer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.task.KnownImports;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTopologyTest {

    private static final Instant REQUESTED = Instant.parse("2026-03-01T10:00:00Z");
    private static final String BUSYBOX = "docker.io/library/busybox:1.36";
    private static final String ALPINE = "docker.io/library/alpine:3.20";
    private static final String NGINX = "docker.io/library/nginx:1.27";

    private static SchemaRegistryServer schemaRegistry;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private FetchWorkers workers;
    private Topics topics;
    private TestInputTopic<String, ImageStreamImportRequest> requests;
    private TestOutputTopic<String, ImageStreamImport> results;
    private TestOutputTopic<String, Image> images;
    private TestOutputTopic<String, RegistryObservation> observations;
    private final List<ImageStreamImport> received = new ArrayList<>();

    @BeforeAll
    static void startSchemaRegistry() {
        schemaRegistry = SchemaRegistryServer.start(SchemaRegistryConfig.inMemory(0));
    }

    @AfterAll
    static void stopSchemaRegistry() {
        schemaRegistry.close();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        if (workers != null) {
            workers.close();
        }
    }

    @Test
    void invalidRequestGetsAFailureNamingTheFieldAndFetchesNothing() {
        ScriptedRunner runner = start(new ScriptedRunner());
        ImageImportSpec streamTag = ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference("ImageStreamTag", "other:latest", null))
                .build();
        submit(request("team", "app", true, List.of(streamTag, spec(BUSYBOX))));

        ImageStreamImport result = results.readValue();
        assertThat(result.getStatus().getFailure().getReason()).isEqualTo(ImportFailureReason.Invalid);
        assertThat(result.getStatus().getFailure().getMessage())
                .isEqualTo("ImageStreamImport.image.openshift.io \"app\" is invalid: spec.images[0].from.kind:"
                        + " Unsupported value: \"ImageStreamTag\": only DockerImage is supported");
        assertThat(result.getStatus().getImages()).hasSize(2);
        assertThat(result.getStatus().getImages().get(0).getStatus().getMessage())
                .startsWith("spec.images[0].from.kind");
        assertThat(result.getStatus().getImages().get(1).getStatus().getStatus())
                .isEqualTo(StatusOutcome.Failure);
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void unparsableReferenceIsInvalidReference() {
        start(new ScriptedRunner());
        submit(request("team", "app", true, List.of(spec("Not A Reference"))));

        ImageStreamImport result = results.readValue();
        assertThat(result.getStatus().getImages().get(0).getStatus().getReason())
                .isEqualTo(ImportFailureReason.InvalidReference);
        assertThat(result.getStatus().getImages().get(0).getStatus().getMessage())
                .startsWith("spec.images[0].from.name: Invalid value: \"Not A Reference\": invalid name:");
    }

    @Test
    void requestWithNothingToImportIsInvalid() {
        start(new ScriptedRunner());
        submit(request("team", "app", true, List.of()));

        assertThat(results.readValue().getStatus().getFailure().getMessage())
                .endsWith("spec: Required value: you must specify at least one image or a repository import");
    }

    @Test
    void keyThatDoesNotNameTheStreamIsInvalid() {
        start(new ScriptedRunner());
        requests.pipeInput("team/other", request("team", "app", true, List.of(spec(BUSYBOX))), REQUESTED);

        assertThat(results.readValue().getStatus().getFailure().getMessage())
                .contains("the record key \"team/other\" does not name the stream \"team/app\"");
    }

    @Test
    void statusImagesAreAlignedWithSpecImagesWhateverOrderFetchesFinishIn() {
        ScriptedRunner runner = start(new ScriptedRunner()
                .image(BUSYBOX, ScriptedRunner.digest('a'))
                .image(ALPINE, ScriptedRunner.digest('b'))
                .failure(NGINX, FailureReason.NOT_FOUND, "dockerimage.image.openshift.io \"" + NGINX + "\" not found")
                .hold(BUSYBOX)
                .hold(ALPINE));
        submit(request("team", "app", true, List.of(spec(BUSYBOX), spec(ALPINE), spec(NGINX))));
        runner.release(ALPINE);
        runner.release(BUSYBOX);

        ImageStreamImport result = awaitResults(1).get(0);
        List<ImageImportStatus> statuses = result.getStatus().getImages();
        assertThat(statuses)
                .extracting(status -> status.getStatus().getStatus())
                .containsExactly(StatusOutcome.Success, StatusOutcome.Success, StatusOutcome.Failure);
        assertThat(statuses.get(0).getImage().getMetadata().getName()).isEqualTo(ScriptedRunner.digest('a'));
        assertThat(statuses.get(1).getImage().getMetadata().getName()).isEqualTo(ScriptedRunner.digest('b'));
        assertThat(statuses.get(2).getStatus().getReason()).isEqualTo(ImportFailureReason.NotFound);
        assertThat(statuses.get(2).getTag()).isEqualTo("1.27");
    }

    @Test
    void specImagesAskingForTheSameImageShareOneFetch() {
        ScriptedRunner runner = start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        ImageImportSpec other = ImageImportSpec.newBuilder(spec(BUSYBOX))
                .setTo(new LocalObjectReference("stable"))
                .build();
        submit(request("team", "app", true, List.of(spec(BUSYBOX), other)));

        ImageStreamImport result = awaitResults(1).get(0);
        assertThat(runner.calls).hasSize(1);
        assertThat(result.getStatus().getImages())
                .extracting(status -> status.getImage().getMetadata().getName())
                .containsExactly(ScriptedRunner.digest('a'), ScriptedRunner.digest('a'));
        assertThat(result.getSpec().getImages())
                .extracting(spec -> spec.getTo().getName())
                .containsExactly("1.36", "stable");
    }

    @Test
    void resultsForOneStreamLeaveInRequestOrderEvenWhenALaterOneFinishesFirst() {
        ScriptedRunner runner = start(new ScriptedRunner()
                .image(BUSYBOX, ScriptedRunner.digest('a'))
                .image(ALPINE, ScriptedRunner.digest('b'))
                .hold(BUSYBOX));
        submit(request("team", "app", true, List.of(spec(BUSYBOX))));
        submit(request("team", "app", true, List.of(spec(ALPINE))));
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            driver.advanceWallClockTime(Duration.ofMillis(20));
            return runner.calls.size() == 2;
        });
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertThat(results.isEmpty())
                .as("the later request waits for the earlier one")
                .isTrue();

        runner.release(BUSYBOX);
        List<ImageStreamImport> both = awaitResults(2);
        assertThat(both)
                .extracting(
                        result -> result.getSpec().getImages().get(0).getFrom().getName())
                .containsExactly(BUSYBOX, ALPINE);
    }

    @Test
    void dryRunReturnsTheResultAndWritesNoImages() {
        start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        submit(request("team", "app", false, List.of(spec(BUSYBOX))));

        ImageStreamImport result = awaitResults(1).get(0);
        assertThat(result.getStatus().getImages().get(0).getStatus().getStatus())
                .isEqualTo(StatusOutcome.Success);
        assertThat(images.isEmpty()).isTrue();
        assertThat(observations.readValuesToList()).hasSize(1);
    }

    @Test
    void importWritesImagesAndObservationsStampedWithTheRequestTime() {
        start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        submit(request("team", "app", true, List.of(spec(BUSYBOX))));

        ImageStreamImport result = awaitResults(1).get(0);
        var image = images.readRecord();
        assertThat(image.key()).isEqualTo(ScriptedRunner.digest('a'));
        assertThat(image.value().getDockerImageReference())
                .isEqualTo("docker.io/library/busybox@" + ScriptedRunner.digest('a'));
        assertThat(image.value().getDockerImageManifest())
                .as("images keep the manifest")
                .isNotNull();
        assertThat(image.getRecordTime()).isEqualTo(REQUESTED);
        var observation = observations.readRecord();
        assertThat(observation.key()).isEqualTo("docker.io/library/busybox");
        assertThat(observation.value().getTag()).isEqualTo("1.36");
        assertThat(observation.value().getResolvedDigest()).isEqualTo(ScriptedRunner.digest('a'));
        assertThat(observation.value().getObservedAt()).isEqualTo(REQUESTED);
        assertThat(result.getCompletedAt()).isEqualTo(REQUESTED);
        assertThat(result.getStatus().getImages().get(0).getImage().getDockerImageManifest())
                .as("status strips the manifest unless includeManifest")
                .isNull();
    }

    @Test
    void includeManifestKeepsTheRawManifestInStatus() {
        start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        ImageImportSpec withManifest = ImageImportSpec.newBuilder(spec(BUSYBOX))
                .setIncludeManifest(true)
                .build();
        submit(request("team", "app", true, List.of(withManifest)));

        Image status = awaitResults(1).get(0).getStatus().getImages().get(0).getImage();
        assertThat(status.getDockerImageManifest()).isEqualTo("{\"schemaVersion\":2}");
        assertThat(status.getDockerImageConfig()).isEqualTo("{\"architecture\":\"amd64\"}");
    }

    @Test
    void aSecondImportSeesTheFirstAmongKnownImports() {
        ScriptedRunner runner = start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        submit(request("team", "app", true, List.of(spec(BUSYBOX))));
        awaitResults(1);
        submit(request("other", "app", true, List.of(spec(BUSYBOX))));
        awaitResults(2);

        KnownImports known = runner.calls.get(1).known();
        var key = new KnownImports.Key(
                ScriptedRunner.digest('a'),
                dev.imagepipe.importer.fetch.ImportMode.LEGACY,
                Optional.empty(),
                Optional.empty());
        assertThat(known.find(key))
                .hasValueSatisfying(cached -> assertThat(cached.image().name()).isEqualTo(ScriptedRunner.digest('a')));
    }

    @Test
    void undecodableRequestGoesToTheDeadLetterTopicAndLaterRequestsStillSucceed() {
        start(new ScriptedRunner().image(BUSYBOX, ScriptedRunner.digest('a')));
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(
                topics.importRequests().name(), new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("team/app", "not avro".getBytes(StandardCharsets.UTF_8), REQUESTED);
        submit(request("team", "app", true, List.of(spec(BUSYBOX))));

        TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(
                topics.deadLetters().name(),
                new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getSourceTopic()).isEqualTo(topics.importRequests().name());
        assertThat(letter.getOffset()).isZero();
        assertThat(letter.getApplication()).isEqualTo("importer");
        assertThat(Arrays.equals(letter.getValue().array(), "not avro".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(awaitResults(1)
                        .get(0)
                        .getStatus()
                        .getImages()
                        .get(0)
                        .getStatus()
                        .getStatus())
                .isEqualTo(StatusOutcome.Success);
    }

    private ScriptedRunner start(ScriptedRunner runner) {
        Map<String, Object> serdeConfig = Map.of(RegistryClientSettings.URL, schemaRegistry.url());
        ValueSerdes serdes = ValueSerdes.schemaRegistry(serdeConfig);
        topics = Topics.create("test.", 1, serdes);
        workers = new FetchWorkers(runner, 4, ImportEvents.NONE);
        var settings = new ImporterTopology.Settings(
                new PolicyDefaults(
                        "cluster", ImportPolicy.newBuilder().setName("cluster").build()),
                100,
                Duration.ofMillis(10),
                1000);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "importer-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(RegistryClientSettings.URL, schemaRegistry.url());
        DeadLetterHandler.install(properties, topics.deadLetters().name(), "importer", () -> {});
        driver = new TopologyTestDriver(
                ImporterTopology.build(topics, serdes, workers, settings, ImportEvents.NONE), properties, REQUESTED);
        requests = driver.createInputTopic(
                topics.importRequests().name(),
                new StringSerializer(),
                topics.importRequests().valueSerde().serializer());
        results = driver.createOutputTopic(
                topics.importResults().name(),
                new StringDeserializer(),
                topics.importResults().valueSerde().deserializer());
        images = driver.createOutputTopic(
                topics.images().name(),
                new StringDeserializer(),
                topics.images().valueSerde().deserializer());
        observations = driver.createOutputTopic(
                topics.observations().name(),
                new StringDeserializer(),
                topics.observations().valueSerde().deserializer());
        return runner;
    }

    private void submit(ImageStreamImportRequest request) {
        String key = request.getMetadata().getNamespace() + "/"
                + request.getMetadata().getName();
        requests.pipeInput(key, request, REQUESTED);
    }

    private List<ImageStreamImport> awaitResults(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            driver.advanceWallClockTime(Duration.ofMillis(20));
            received.addAll(results.readValuesToList());
            return received.size() >= count;
        });
        return List.copyOf(received);
    }

    static ImageImportSpec spec(String from) {
        return ImageImportSpec.newBuilder()
                .setFrom(new ObjectReference("DockerImage", from, null))
                .build();
    }

    static ImageStreamImportRequest request(
            String namespace, String name, boolean doImport, List<ImageImportSpec> specs) {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(namespace)
                        .setName(name)
                        .setUid("uid-" + name)
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(doImport)
                        .setImages(specs)
                        .build())
                .setRequestedAt(REQUESTED)
                .build();
    }
}
