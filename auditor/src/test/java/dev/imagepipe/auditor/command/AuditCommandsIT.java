package dev.imagepipe.auditor.command;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.LATEST_D3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.M1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.MIRROR;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D2_GEN4;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STREAM;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T0;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.CosignKey;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.fixtures.TopicWriter;
import dev.imagepipe.auditor.invariant.Rule;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.auditor.report.ReportFormat;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code audit replay} and {@code audit at} against a real broker and schema registry, the known timeline written
 * straight to the topics with the Avro serdes. Each test gets topics of its own (a sub-prefix), so offsets are known.
 */
@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuditCommandsIT {

    private static final AtomicInteger TOPIC_SETS = new AtomicInteger();

    private final KnownTimeline timeline = KnownTimeline.create();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Fresh topics under a prefix of their own, holding {@code records}. */
    private static KafkaEnvironment topicsWith(KafkaEnvironment kafka, List<FixtureRecord> records) {
        KafkaEnvironment own = new KafkaEnvironment(
                kafka.bootstrapServers(),
                kafka.schemaRegistryUrl(),
                kafka.topicPrefix() + "s" + TOPIC_SETS.incrementAndGet() + ".");
        try (TopicWriter writer = TopicWriter.create(own)) {
            writer.write(records);
        }
        return own;
    }

    private static AuditConnection connection(KafkaEnvironment kafka) {
        return new AuditConnection(
                kafka.bootstrapServers(), kafka.schemaRegistryUrl(), kafka.topicPrefix(), KnownTimeline.POLICY);
    }

    private int replay(KafkaEnvironment kafka, Window window, ReportFormat format, Optional<Path> file) {
        return new ReplayCommand(Clock.fixed(T4, ZoneOffset.UTC))
                .run(
                        connection(kafka),
                        new ReplayOptions(window, format, file, false),
                        new PrintWriter(out),
                        new PrintWriter(err));
    }

    private JsonNode replayJson(KafkaEnvironment kafka) throws Exception {
        int exit = replay(kafka, Window.ALL, ReportFormat.JSON, Optional.empty());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(exit).as(err.toString()).isEqualTo(json.get("clean").asBoolean() ? 0 : 1);
        return json;
    }

    @Test
    void aCleanHistoryReplaysClean(KafkaEnvironment kafka) throws Exception {
        KafkaEnvironment topics = topicsWith(kafka, timeline.records());

        JsonNode json = replayJson(topics);

        assertThat(json.get("violations")).as(json.toPrettyString()).isEmpty();
        assertThat(json.get("clean").asBoolean()).isTrue();
        assertThat(json.get("missingTopics")).isEmpty();
        assertThat(json.get("recordsRead").get(topics.topic("tag.events")).asLong())
                .isEqualTo(5);
        assertThat(json.get("recordsRead").get(topics.topic("images")).asLong()).isEqualTo(3);
        assertThat(json.get("tags")).extracting(t -> t.get("tag").asText()).containsExactly(LATEST, STABLE);
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                corruption(Rule.IMAGE_EXISTS, Source.TAG_EVENTS, t -> moveLatestTo(Avro.sha256("never imported"))),
                corruption(
                        Rule.MANIFEST_DIGEST,
                        Source.IMAGES,
                        t -> new FixtureRecord(
                                Source.IMAGES,
                                D1,
                                T4,
                                Avro.image(D1, REPOSITORY, M1.replace("\"size\":2", "\"size\":9")))),
                corruption(
                        Rule.HISTORY_ORDER,
                        Source.TAG_EVENTS,
                        t -> new FixtureRecord(
                                Source.TAG_EVENTS,
                                STABLE,
                                T4,
                                Avro.tagEvent(
                                        TagEventKind.Moved,
                                        STABLE,
                                        Avro.point(T4, REPOSITORY, KnownTimeline.D3, 5),
                                        STABLE_D1,
                                        null,
                                        "r4",
                                        T4))),
                corruption(
                        Rule.GENERATION_ORDER,
                        Source.TAG_EVENTS,
                        t -> new FixtureRecord(
                                Source.TAG_EVENTS,
                                STABLE,
                                T4,
                                Avro.tagEvent(
                                        TagEventKind.Moved,
                                        STABLE,
                                        Avro.point(T4, REPOSITORY, KnownTimeline.D3, 2),
                                        STABLE_D2_GEN4,
                                        null,
                                        "r4",
                                        T4))),
                corruption(
                        Rule.ONE_RESULT_PER_REQUEST,
                        Source.IMPORT_RESULTS,
                        t -> new FixtureRecord(
                                Source.IMPORT_RESULTS, STREAM, T4, Avro.result(STREAM, "r2", false, T4))),
                corruption(Rule.SIGNATURE_REVERIFIES, Source.SIGNATURES, t -> {
                    ImageSignature forged = Avro.signature(
                            D2, CosignKey.generate(), REPOSITORY + "@" + D2, ConditionStatus.True, "Verified", T4);
                    return new FixtureRecord(
                            Source.SIGNATURES, forged.getMetadata().getName(), T4, forged);
                }),
                corruption(
                        Rule.NO_CREDENTIALS,
                        Source.OBSERVATIONS,
                        t -> new FixtureRecord(
                                Source.OBSERVATIONS,
                                REPOSITORY,
                                T4,
                                RegistryObservation.newBuilder(
                                                Avro.observation(REPOSITORY, "stable", null, REPOSITORY, "r5", T4))
                                        .setFailure(Status.newBuilder()
                                                .setStatus(StatusOutcome.Failure)
                                                .setMessage("GET https://robot:hunter2@registry.example.com/v2/: 401")
                                                .build())
                                        .build())),
                corruption(
                        Rule.PROJECTION_MATCHES,
                        Source.TAGS,
                        t -> new FixtureRecord(
                                Source.TAGS,
                                STABLE,
                                T4,
                                Avro.tagView(STABLE, Avro.history("stable", List.of(STABLE_D1), List.of()), T4))));
    }

    private static Arguments corruption(Rule rule, Source source, Function<KnownTimeline, FixtureRecord> record) {
        return Arguments.of(rule, source, record);
    }

    private static FixtureRecord moveLatestTo(String digest) {
        return new FixtureRecord(
                Source.TAG_EVENTS,
                LATEST,
                T4,
                Avro.tagEvent(
                        TagEventKind.Moved, LATEST, Avro.point(T4, REPOSITORY, digest, 5), LATEST_D3, null, "r4", T4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void reportsACorruptingRecordWithItsOffset(
            Rule rule, Source source, Function<KnownTimeline, FixtureRecord> corrupt, KafkaEnvironment kafka)
            throws Exception {
        KafkaEnvironment topics = topicsWith(kafka, timeline.with(corrupt.apply(timeline)));

        JsonNode json = replayJson(topics);

        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("violations"))
                .as(json.get("violations").toPrettyString())
                .anySatisfy(v -> {
                    assertThat(v.get("rule").asText()).isEqualTo(rule.name());
                    JsonNode record = v.get("records").get(0);
                    assertThat(record.get("topic").asText()).isEqualTo(topics.topic(InMemoryLog.suffix(source)));
                    assertThat(record.get("partition").asInt()).isZero();
                    assertThat(record.get("offset").asLong()).isEqualTo(timeline.count(source));
                });
        assertThat(out.toString()).doesNotContain("hunter2");
    }

    @Test
    void reportsARecordThatDoesNotDecodeWithItsOffset(KafkaEnvironment kafka) throws Exception {
        KafkaEnvironment topics = topicsWith(kafka, timeline.records());
        try (TopicWriter writer = TopicWriter.open(topics)) {
            writer.writeRaw(Source.IMAGES, "garbage", T4.toEpochMilli(), new byte[] {0, 0, 0, 0, 42, 1});
        }

        JsonNode json = replayJson(topics);

        assertThat(json.get("violations")).singleElement().satisfies(v -> {
            assertThat(v.get("rule").asText()).isEqualTo("READABLE");
            assertThat(v.get("records").get(0).get("offset").asLong()).isEqualTo(timeline.count(Source.IMAGES));
        });
    }

    @Test
    void untilCutsTheLogAndSkipsTheProjectionComparison(KafkaEnvironment kafka) {
        var wrongView = new FixtureRecord(
                Source.TAGS,
                STABLE,
                T4,
                Avro.tagView(STABLE, Avro.history("stable", List.of(STABLE_D1), List.of()), T4));
        KafkaEnvironment topics = topicsWith(kafka, timeline.with(wrongView));

        int exit = replay(topics, new Window(Optional.empty(), Optional.of(T2)), ReportFormat.TEXT, Optional.empty());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("projections: not compared")
                .contains("prod/api:stable  " + D2 + "  (2 events)");
    }

    @Test
    void writesTheHtmlReportToAFile(KafkaEnvironment kafka, @TempDir Path directory) throws Exception {
        KafkaEnvironment topics = topicsWith(kafka, timeline.records());
        Path file = directory.resolve("audit.html");

        int exit = replay(topics, Window.ALL, ReportFormat.HTML, Optional.of(file));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("clean; report in " + file + System.lineSeparator());
        assertThat(Files.readString(file)).contains("data-tag=\"prod/api:stable\" data-kind=\"Moved\"");
    }

    @Test
    void atAnswersFromTheEventLogAsOfThatTime(KafkaEnvironment kafka) throws Exception {
        KafkaEnvironment topics = topicsWith(kafka, timeline.records());
        AtCommand at = new AtCommand();

        int before = at.run(
                connection(topics), T0, TagKey.parse(STABLE), false, false, new PrintWriter(out), new PrintWriter(err));
        String beforeText = out.toString();
        out.getBuffer().setLength(0);
        int mirrored = at.run(
                connection(topics),
                T2.minusSeconds(1),
                TagKey.parse(STABLE),
                true,
                false,
                new PrintWriter(out),
                new PrintWriter(err));
        JsonNode d1 = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        int signed = at.run(
                connection(topics), T2, TagKey.parse(STABLE), true, false, new PrintWriter(out), new PrintWriter(err));
        JsonNode d2 = new ObjectMapper().readTree(out.toString());

        assertThat(before).isEqualTo(ExitStatus.FINDINGS);
        assertThat(beforeText).contains("pointed at no image");
        assertThat(mirrored).as(err.toString()).isZero();
        assertThat(d1.get("image").get("image").asText()).isEqualTo(D1);
        assertThat(d1.get("sourceMatch").asText()).isEqualTo("REQUEST");
        assertThat(d1.get("sources").get(0).get("pullSource").asText()).isEqualTo(MIRROR);
        assertThat(d1.get("sources").get(0).get("viaMirror").asBoolean()).isTrue();
        assertThat(d1.get("signatures")).isEmpty();
        assertThat(signed).isZero();
        assertThat(d2.get("image").get("image").asText()).isEqualTo(D2);
        assertThat(d2.get("setBy").get("requestUid").asText()).isEqualTo("r2");
        assertThat(d2.get("signatures").get(0).get("trusted").asText()).isEqualTo("True");
        assertThat(d2.get("signatures").get(0).get("reason").asText()).isEqualTo("Verified");
    }
}
