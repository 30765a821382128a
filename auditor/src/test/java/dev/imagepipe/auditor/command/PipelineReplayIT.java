package dev.imagepipe.auditor.command;

import static dev.imagepipe.auditor.fixtures.Requests.deleteTags;
import static dev.imagepipe.auditor.fixtures.Requests.images;
import static dev.imagepipe.auditor.fixtures.Requests.preserveOriginal;
import static dev.imagepipe.auditor.fixtures.Requests.repository;
import static dev.imagepipe.auditor.fixtures.Requests.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.auditor.fixtures.CosignKey;
import dev.imagepipe.auditor.fixtures.CosignPush;
import dev.imagepipe.auditor.fixtures.Pipeline;
import dev.imagepipe.auditor.history.PointInTimeAnswer;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.replay.ReplayProgress;
import dev.imagepipe.auditor.report.ReportFormat;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.SignedIdentity;
import dev.imagepipe.schemas.avro.SignedIdentityType;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageFormat;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.fixture.PushedIndex;
import dev.imagepipe.testing.fixture.RegistryPusher;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a history the real importer and tagger wrote: several streams and tags, a tag moved by a new push and a
 * re-import, a failing import and its recovery, a PreserveOriginal index, a repository import, a tag deletion and a
 * cosign-signed image. The replay must be clean, and {@code at} must answer the timeline the test drove.
 */
@KafkaCluster
@ContainerRegistry
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PipelineReplayIT {

    private static final String NS = "prod";
    private static final String POLICY = "cluster";
    private static final String APP = "audit-e2e/app";
    private static final String MULTI = "audit-e2e/multi";
    private static final String MANY = "audit-e2e/many";
    private static final int MANY_TAGS = 3;

    @TempDir
    static Path stateDir;

    private static KafkaEnvironment kafka;
    private static String registry;
    private static PushedImage latestFirst;
    private static PushedImage latestSecond;
    private static PushedImage stable;
    private static PushedIndex index;
    private static List<PushedImage> many;
    private static Instant afterFirstImports;
    private static Instant afterMove;
    private static Instant afterFailure;
    private static Instant afterRecovery;
    private static Instant end;
    private static ImageStreamImport failed;

    @BeforeAll
    static void driveThePipeline(KafkaEnvironment environment, RegistryEndpoint endpoint) {
        kafka = environment;
        registry = endpoint.hostPort();
        ImageFixtures fixtures = new ImageFixtures(endpoint);
        RegistryPusher pusher = fixtures.pusher();
        CosignKey release = CosignKey.generate();
        latestFirst = pusher.push(APP, "latest", ImageFixtures.taggedImage(ImageFormat.OCI, "latest-1"));
        stable = pusher.push(APP, "stable", ImageFixtures.taggedImage(ImageFormat.OCI, "stable"));
        CosignPush.push(pusher, APP, registry + "/" + APP, stable.digest(), release);
        index = fixtures.pushOciIndex(MULTI, "index");
        many = fixtures.pushManyTags(MANY, MANY_TAGS);

        try (Pipeline pipeline = Pipeline.start(kafka, stateDir, endpoint.host(), policy(release))) {
            expectSuccess(pipeline.importAndAwait(
                    images(NS, "api", now(), List.of(spec(from(APP, "latest")), spec(from(APP, "stable"))))));
            expectSuccess(pipeline.importAndAwait(
                    images(NS, "multi", now(), List.of(preserveOriginal(from(MULTI, "index"))))));
            expectSuccess(pipeline.importAndAwait(repository(NS, "many", now(), registry + "/" + MANY)));
            pipeline.awaitTaggerCaughtUp();
            afterFirstImports = now();

            latestSecond = pusher.push(APP, "latest", ImageFixtures.taggedImage(ImageFormat.OCI, "latest-2"));
            expectSuccess(pipeline.importAndAwait(images(NS, "api", now(), List.of(spec(from(APP, "latest"))))));
            pipeline.awaitTaggerCaughtUp();
            afterMove = now();

            failed = pipeline.importAndAwait(images(NS, "api", now(), List.of(spec(from(APP, "next")))));
            pipeline.awaitTaggerCaughtUp();
            afterFailure = now();
            pusher.push(APP, "next", ImageFixtures.taggedImage(ImageFormat.OCI, "next"));
            expectSuccess(pipeline.importAndAwait(images(NS, "api", now(), List.of(spec(from(APP, "next"))))));
            pipeline.awaitTaggerCaughtUp();
            afterRecovery = now();

            pipeline.importAndAwait(
                    deleteTags(NS, "many", now(), List.of(many.getFirst().tag())));
            pipeline.awaitTaggerCaughtUp();
            end = now();
        }
    }

    /** The cluster policy: the loopback registry over plain HTTP, and the release key trusted for the test's repositories. */
    private static ImportPolicy policy(CosignKey release) {
        return ImportPolicy.newBuilder()
                .setName(POLICY)
                .setRegistrySources(RegistrySources.newBuilder()
                        .setInsecureRegistries(List.of(registry))
                        .build())
                .setTrustedKeys(List.of(TrustedKey.newBuilder()
                        .setName("release")
                        .setKeyType(TrustedKeyType.CosignECDSA)
                        .setPublicKey(release.publicKeyPem())
                        .setScopes(List.of(registry + "/audit-e2e"))
                        // cosign signs the repository alone; containers/image's default rule rejects a name-only
                        // identity, so a cosign key is trusted with matchRepository, as containers-policy.json does.
                        .setIdentity(SignedIdentity.newBuilder()
                                .setType(SignedIdentityType.MatchRepository)
                                .build())
                        .build()))
                .build();
    }

    /** Now, to the millisecond the log keeps, and strictly after the last call so event times never tie. */
    private static Instant now() {
        Instant previous = lastNow;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastNow = now.isAfter(previous) ? now : previous.plusMillis(1);
        return lastNow;
    }

    private static Instant lastNow = Instant.EPOCH;

    private static String from(String repository, String tag) {
        return registry + "/" + repository + ":" + tag;
    }

    private static void expectSuccess(ImageStreamImport result) {
        List<ImageImportStatus> statuses = result.getStatus().getImages();
        statuses.forEach(status -> assertThat(status.getStatus().getStatus())
                .as("%s", status.getStatus())
                .isEqualTo(StatusOutcome.Success));
        if (result.getStatus().getRepository() != null) {
            assertThat(result.getStatus().getRepository().getStatus().getStatus())
                    .isEqualTo(StatusOutcome.Success);
        }
    }

    private static AuditConnection connection() {
        return new AuditConnection(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), kafka.topicPrefix(), POLICY);
    }

    private static PointInTimeAnswer at(Instant at, String tag) {
        return AtCommand.answer(connection(), at, TagKey.parse(NS + "/" + tag), ReplayProgress.NONE);
    }

    private static String image(PointInTimeAnswer answer) {
        return answer.state().current().map(TagPoint::image).orElse("none");
    }

    @Test
    void theHistoryReplaysClean() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new ReplayCommand(Clock.systemUTC())
                .run(
                        connection(),
                        new ReplayOptions(Window.ALL, ReportFormat.JSON, Optional.empty(), false),
                        new PrintWriter(out),
                        new PrintWriter(err));

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("violations"))
                .as(json.get("violations").toPrettyString())
                .isEmpty();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(json.get("projectionsCompared").asBoolean()).isTrue();
        assertThat(json.get("missingTopics")).isEmpty();
        assertThat(json.get("recordsRead").get(kafka.topic("signatures")).asLong())
                .isPositive();
        assertThat(json.get("tags"))
                .extracting(tag -> tag.get("tag").asText())
                .contains(
                        NS + "/api:latest",
                        NS + "/api:stable",
                        NS + "/api:next",
                        NS + "/multi:index",
                        NS + "/many:" + many.getFirst().tag(),
                        NS + "/many:" + many.getLast().tag());
    }

    @Test
    void theMovedTagPointedAtTheFirstPushBeforeTheMoveAndAtTheSecondAfter() {
        assertThat(image(at(afterFirstImports, "api:latest"))).isEqualTo(latestFirst.digest());
        assertThat(image(at(afterMove, "api:latest"))).isEqualTo(latestSecond.digest());
        assertThat(image(at(end, "api:latest"))).isEqualTo(latestSecond.digest());
    }

    @Test
    void theSignedImageIsTrustedAndCameFromTheRegistry() {
        PointInTimeAnswer answer = at(afterFirstImports, "api:stable");

        assertThat(image(answer)).isEqualTo(stable.digest());
        assertThat(answer.sourceMatch()).isEqualTo(PointInTimeAnswer.SourceMatch.REQUEST);
        assertThat(answer.sources()).allSatisfy(source -> {
            assertThat(source.get().pullSource()).startsWith(registry + "/" + APP);
            assertThat(source.get().viaMirror()).isFalse();
        });
        assertThat(answer.signatures()).hasSize(1);
        assertThat(answer.signatures().getFirst().get().trusted())
                .hasValueSatisfying(trusted ->
                        assertThat(trusted.status()).as("%s", trusted).isEqualTo("True"));
    }

    @Test
    void theFailedImportLeftNoImageAndTheRecoveryDid() {
        assertThat(failed.getStatus().getImages()).singleElement().satisfies(status -> assertThat(
                        status.getStatus().getReason())
                .isEqualTo(ImportFailureReason.NotFound));

        assertThat(image(at(afterMove, "api:next"))).isEqualTo("none");
        PointInTimeAnswer failing = at(afterFailure, "api:next");
        assertThat(failing.state().current()).isEmpty();
        assertThat(failing.state().failure()).isPresent();
        PointInTimeAnswer recovered = at(afterRecovery, "api:next");
        assertThat(recovered.state().current()).isPresent();
        assertThat(recovered.state().failure()).isEmpty();
    }

    @Test
    void thePreservedIndexAndTheDeletedTagAnswerAsDriven() {
        assertThat(image(at(afterFirstImports, "multi:index"))).isEqualTo(index.digest());
        String deleted = "many:" + many.getFirst().tag();
        assertThat(image(at(afterRecovery, deleted))).isEqualTo(many.getFirst().digest());
        PointInTimeAnswer after = at(end, deleted);
        assertThat(after.state().current()).isEmpty();
        assertThat(after.state().deleted()).isTrue();
    }
}
