package dev.imagepipe.tagger.topology;

import static dev.imagepipe.tagger.topology.TaggerDriver.KEY;
import static dev.imagepipe.tagger.topology.TaggerDriver.START;
import static dev.imagepipe.tagger.topology.TaggerDriver.failed;
import static dev.imagepipe.tagger.topology.TaggerDriver.imported;
import static dev.imagepipe.tagger.topology.TaggerDriver.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ImportScheduling;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.avro.TagSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled imports end to end (A13.2, D11): wall-clock punctuation, minimum interval, budget, deferral. */
class ScheduledImportsTest {

    private static final String MYSQL = "docker.io/library/mysql:latest";
    private static final String PINNED = "docker.io/library/abc@sha256:" + "3c87".repeat(16);
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    /** The default minimum interval plus the widest jitter (a tenth of it). */
    private static final Duration INTERVAL_AND_JITTER = Duration.ofMinutes(15).plusSeconds(90);

    private static SchemaRegistryServer schemaRegistry;

    @TempDir
    Path stateDir;

    private TaggerDriver tagger;

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
        if (tagger != null) {
            tagger.close();
        }
    }

    private TaggerDriver start(TaggerTopology.Settings settings) {
        tagger = new TaggerDriver(schemaRegistry.url(), stateDir, settings);
        return tagger;
    }

    private TaggerDriver start() {
        return start(TaggerDriver.settings());
    }

    private static TaggerDriver.Entry scheduled(String tag, String from, String digest) {
        return imported(tag, from, digest, ReferencePolicyType.Source, true);
    }

    private static ObjectMeta stream(String name, String uid) {
        return ObjectMeta.newBuilder()
                .setNamespace(TaggerDriver.NS)
                .setName(name)
                .setUid(uid)
                .build();
    }

    private double metric(String name) {
        Map<MetricName, ? extends Metric> metrics = tagger.driver.metrics();
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name)
                        && e.getKey().group().equals("stream-" + ScheduledImports.METRIC_SCOPE + "-metrics"))
                .mapToDouble(e -> (Double) e.getValue().metricValue())
                .sum();
    }

    @Test
    void scheduledTagShowsItsDueTimeAndIsReimportedOnlyWhenDue() {
        start().send(result("req-1", START, scheduled("default", MYSQL, D1)));
        TagSchedule schedule = tagger.tags.readValue().getSchedule();
        assertThat(schedule.getNextImportDue())
                .isBetween(START.plus(Duration.ofMinutes(15)), START.plus(INTERVAL_AND_JITTER));
        assertThat(schedule.getDeferred()).isFalse();

        tagger.advance(Duration.ofMinutes(14));
        assertThat(tagger.requests.isEmpty()).isTrue();

        tagger.advance(Duration.ofMinutes(3));
        KeyValue<String, ImageStreamImportRequest> request = tagger.requests.readKeyValue();
        assertThat(request.key).isEqualTo(KEY);
        ImageStreamImportRequest value = request.value;
        assertThat(value.getCause()).isEqualTo(ImportCause.Scheduled);
        assertThat(value.getRequestedAt()).isEqualTo(tagger.now());
        assertThat(value.getSpec().getImport$()).isTrue();
        assertThat(value.getSpec().getImages()).hasSize(1);
        assertThat(value.getSpec().getImages().getFirst().getFrom().getName()).isEqualTo(MYSQL);
        assertThat(value.getSpec().getImages().getFirst().getTo().getName()).isEqualTo("default");
        assertThat(value.getSpec().getImages().getFirst().getImportPolicy().getScheduled())
                .isTrue();
        assertThat(value.getMetadata().getResourceVersion()).isEqualTo("1");
        assertThat(value.getMetadata().getUid()).isNotBlank().isNotEqualTo("req-1");
        assertThat(tagger.tags.readValue().getSchedule().getNextImportDue())
                .isBetween(
                        tagger.now().plus(Duration.ofMinutes(15)), tagger.now().plus(INTERVAL_AND_JITTER));
    }

    @Test
    void minimumIntervalSeparatesScheduledImportsAndEachGetsAFreshUid() {
        start().send(result("req-1", START, scheduled("default", MYSQL, D1)));
        tagger.advance(INTERVAL_AND_JITTER);
        String first = tagger.requests.readValue().getMetadata().getUid();

        tagger.advance(Duration.ofMinutes(10));
        assertThat(tagger.requests.isEmpty()).isTrue();

        tagger.advance(INTERVAL_AND_JITTER.minus(Duration.ofMinutes(10)));
        assertThat(tagger.requests.readValue().getMetadata().getUid()).isNotEqualTo(first);
    }

    @Test
    void scheduledResultThatMovesTheTagCarriesTheScheduledRequestUid() {
        start().send(result("req-1", START, scheduled("default", MYSQL, D1)));
        tagger.advance(INTERVAL_AND_JITTER);
        ImageStreamImportRequest request = tagger.requests.readValue();
        tagger.tagTable();
        tagger.tagEvents.readValuesToList();

        tagger.send(result(request.getMetadata(), request.getRequestedAt(), scheduled("default", MYSQL, D1)));
        assertThat(tagger.tagEvents.isEmpty()).isTrue();
        assertThat(tagger.streams.readValuesToList()).hasSize(1); // only the first import's write

        tagger.send(result(request.getMetadata(), request.getRequestedAt(), scheduled("default", MYSQL, D2)));
        TagEventRecord moved = tagger.tagEvents.readValue();
        assertThat(moved.getKind()).isEqualTo(TagEventKind.Moved);
        assertThat(moved.getRequestUid()).isEqualTo(request.getMetadata().getUid());
    }

    @Test
    void tagThatIsNotScheduledIsNeverReimported() {
        start().send(result("req-1", START, imported("default", MYSQL, D1)));
        assertThat(tagger.tags.readValue().getSchedule()).isNull();

        tagger.advance(Duration.ofHours(1));

        assertThat(tagger.requests.isEmpty()).isTrue();
    }

    @Test
    void importedDigestPinnedTagIsNotRescheduled() {
        start().send(result("req-1", START, scheduled("default", PINNED, "sha256:" + "3c87".repeat(16))));
        assertThat(tagger.tags.readValue().getSchedule()).isNull();

        tagger.advance(Duration.ofHours(1));

        assertThat(tagger.requests.isEmpty()).isTrue();
    }

    @Test
    void failedDigestPinnedTagKeepsBeingRetried() {
        start().send(result(
                "req-1",
                START,
                failed("default1", PINNED, ImportFailureReason.RegistryUnavailable, "transient error", true)));
        assertThat(tagger.tags.readValue().getSchedule()).isNotNull();

        tagger.advance(INTERVAL_AND_JITTER);

        assertThat(tagger.requests.readValue().getSpec().getImages())
                .extracting(i -> i.getTo().getName())
                .containsExactly("default1");
    }

    @Test
    void onlyTheDigestPinnedTagNotYetImportedIsRequested() {
        start().send(result(
                "req-1",
                START,
                scheduled("default1", PINNED, "sha256:" + "3c87".repeat(16)),
                failed("default2", PINNED, ImportFailureReason.RegistryUnavailable, "transient error", true)));

        tagger.advance(INTERVAL_AND_JITTER);

        assertThat(tagger.requests.readValue().getSpec().getImages())
                .extracting(i -> i.getTo().getName())
                .containsExactly("default2");
    }

    @Test
    void spentBudgetDefersTheImportVisiblyAndIssuesItNextMinute() {
        start().publishPolicy(
                        ImportPolicy.newBuilder()
                                .setName("cluster")
                                .setScheduling(new ImportScheduling(900, 1))
                                .build(),
                        START);
        tagger.send(result(stream("a", "req-a"), START, scheduled("default", MYSQL, D1)));
        tagger.send(result(stream("b", "req-b"), START, scheduled("default", MYSQL, D1)));
        tagger.tagTable();

        tagger.advance(Duration.ofMinutes(17));

        List<String> issued =
                tagger.requests.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        assertThat(issued).hasSize(1);
        String deferredStream = issued.getFirst().equals("ns/a") ? "ns/b" : "ns/a";
        ImageStreamTagView deferredView = tagger.tagTable().get(deferredStream + ":default");
        assertThat(deferredView.getSchedule().getDeferred()).isTrue();
        assertThat(deferredView.getSchedule().getDeferredSince()).isEqualTo(tagger.now());
        assertThat(metric(ScheduledImports.DEFERRED_OPERATION + "-total")).isEqualTo(1.0);

        tagger.advance(Duration.ofMinutes(1));

        assertThat(tagger.requests.readKeyValue().key).isEqualTo(deferredStream);
        assertThat(tagger.tagTable()
                        .get(deferredStream + ":default")
                        .getSchedule()
                        .getDeferred())
                .isFalse();
        assertThat(metric(ScheduledImports.ISSUED_OPERATION + "-total")).isEqualTo(2.0);
        assertThat(tagger.told).containsSubsequence("issued", "deferred", "issued");
        assertThat(tagger.told.stream().filter(t -> t.equals("deferred"))).hasSize(1);
    }

    @Test
    void scheduledImportsCanBeTurnedOff() {
        var base = TaggerDriver.settings();
        start(new TaggerTopology.Settings(
                base.policyName(), base.retention(), false, 0, base.punctuationInterval(), base.clock()));
        tagger.send(result("req-1", START, scheduled("default", MYSQL, D1)));
        assertThat(tagger.tags.readValue().getSchedule()).isNull();

        tagger.advance(Duration.ofHours(1));

        assertThat(tagger.requests.isEmpty()).isTrue();
    }
}
