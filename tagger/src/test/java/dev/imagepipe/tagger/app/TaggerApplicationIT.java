package dev.imagepipe.tagger.app;

import static dev.imagepipe.tagger.app.TaggerHarness.digest;
import static dev.imagepipe.tagger.app.TaggerHarness.imported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.tagger.TaggerApplication;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tagger as a service on a real broker: import results in (the test plays the importer, which has its own ITs),
 * {@code streams}, {@code tags} and {@code tag.events} out under exactly-once, and its metrics endpoint.
 */
@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TaggerApplicationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);

    @TempDir
    static Path stateDir;

    private static TaggerHarness harness;
    private static TaggerApplication tagger;

    @BeforeAll
    static void start(KafkaEnvironment kafka) {
        harness = new TaggerHarness(kafka, kafka.topicPrefix());
        tagger = harness.start(harness.flags(stateDir));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void appliesImportResultsToTheStreamItsTagViewsAndTheTagEventLog() {
        harness.produce(imported("team", "app", "req-1", T1, "latest", digest(1)));
        harness.produce(imported("team", "app", "req-2", T2, "latest", digest(2)));

        List<TagEventRecord> events = values(
                harness.awaitRecords(
                        harness.topics().tagEvents(),
                        WAIT,
                        records -> forKey(records, "team/app:latest").size() == 2),
                "team/app:latest");
        assertThat(events).extracting(TagEventRecord::getKind).containsExactly(TagEventKind.Added, TagEventKind.Moved);
        assertThat(events).extracting(TagEventRecord::getRequestUid).containsExactly("req-1", "req-2");
        assertThat(events.get(1).getPrevious().getImage()).isEqualTo(digest(1));
        assertThat(events.get(1).getEvent().getImage()).isEqualTo(digest(2));
        assertThat(events.get(1).getEventTime()).isEqualTo(T2);

        ImageStreamTagView view = last(
                harness.awaitRecords(
                        harness.topics().tags(),
                        WAIT,
                        records -> forKey(records, "team/app:latest").size() == 2),
                "team/app:latest");
        assertThat(view.getHistory().getItems()).extracting(TagEvent::getImage).containsExactly(digest(2), digest(1));
        assertThat(view.getResolvedPullSpec()).isEqualTo("quay.io/team/app@" + digest(2));

        ImageStream stream = last(
                harness.awaitRecords(
                        harness.topics().streams(),
                        WAIT,
                        records -> forKey(records, "team/app").size() == 2),
                "team/app");
        assertThat(stream.getStatus().getTags()).singleElement().satisfies(tag -> assertThat(tag.getItems())
                .hasSize(2));
    }

    @Test
    void deletesATagWhenTheImporterPassesADeletionThrough() {
        harness.produce(imported("team", "db", "req-3", T1, "v1", digest(3)));
        harness.produce(deletion("team", "db", "req-4", T2, "v1"));

        List<TagEventRecord> events = values(
                harness.awaitRecords(
                        harness.topics().tagEvents(),
                        WAIT,
                        records -> forKey(records, "team/db:v1").size() == 2),
                "team/db:v1");
        assertThat(events)
                .extracting(TagEventRecord::getKind)
                .containsExactly(TagEventKind.Added, TagEventKind.Deleted);
        assertThat(events.get(1).getRequestUid()).isEqualTo("req-4");
        assertThat(events.get(1).getPrevious().getImage()).isEqualTo(digest(3));

        List<ConsumerRecord<String, ImageStreamTagView>> views = harness.awaitRecords(
                harness.topics().tags(),
                WAIT,
                records -> forKey(records, "team/db:v1").size() == 2);
        assertThat(forKey(views, "team/db:v1").getLast().value())
                .as("tombstone")
                .isNull();
    }

    @Test
    void servesItsCountersHealthAndReadinessOverHttp() throws Exception {
        harness.produce(imported("team", "web", "req-5", T1, "stable", digest(5)));
        URI base = URI.create("http://127.0.0.1:" + tagger.metricsPort().orElseThrow());

        try (HttpClient http = HttpClient.newHttpClient()) {
            await().atMost(WAIT).until(() -> get(http, base.resolve("/metrics"))
                    .body()
                    .lines()
                    .anyMatch(line -> line.matches("imagepipe_tagger_tag_events_total\\{kind=\"Added\"} [1-9].*")));
            assertThat(get(http, base.resolve("/healthz")).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> get(http, base.resolve("/readyz")).statusCode() == 200);
            assertThat(get(http, base.resolve("/metrics")).body())
                    .contains(
                            "imagepipe_tagger_scheduled_imports_total",
                            "imagepipe_tagger_scheduled_import_deferrals_total",
                            "imagepipe_tagger_dead_letters_total");
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A tag deletion as the importer passes it through: the annotation, nothing imported. */
    private static ImageStreamImport deletion(String ns, String stream, String uid, Instant at, String tags) {
        return ImageStreamImport.newBuilder()
                .setMetadata(TaggerHarness.metadata(ns, stream, uid, Map.of(ImportRequest.DELETE_TAGS, tags)))
                .setSpec(ImageStreamImportSpec.newBuilder().setImport$(true).build())
                .setStatus(ImageStreamImportStatus.newBuilder().build())
                .setRequestedAt(at)
                .setCompletedAt(at)
                .setCause(ImportCause.User)
                .build();
    }

    private static <V> List<ConsumerRecord<String, V>> forKey(List<ConsumerRecord<String, V>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records, String key) {
        return forKey(records, key).stream().map(ConsumerRecord::value).toList();
    }

    private static <V> V last(List<ConsumerRecord<String, V>> records, String key) {
        return forKey(records, key).getLast().value();
    }
}
