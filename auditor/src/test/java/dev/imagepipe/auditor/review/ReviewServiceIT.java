package dev.imagepipe.auditor.review;

import static dev.imagepipe.auditor.review.AvroRecords.digest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook against a real broker and schema registry: records written straight to the compacted topics with the
 * Avro serdes, reviews POSTed as the API server sends them.
 */
@KafkaCluster
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReviewServiceIT {

    /** Bound on waiting for the view; generous for a shared local broker, reached only when a test fails. */
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static final String NS = "team-a";
    private static final String APP = digest('a');
    private static final String BLOCKED = digest('b');
    private static final String UNSIGNED = digest('c');
    private static final String SIGNED = digest('d');
    private static final String NEVER_IMPORTED = digest('e');

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private ReviewService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        client.close();
    }

    @Test
    void answers503UntilTheTopicsExistAndTheViewHasCaughtUp(KafkaEnvironment kafka) throws Exception {
        String prefix = kafka.topicPrefix() + "late.";
        service = ReviewService.start(config(kafka, prefix));

        HttpResponse<String> early = review(request(NS, Map.of(), "app:1.0"));
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(early.body()).get("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);

        kafka.createTopics("late.images", "late.signatures", "late.tags", "late.policy");
        Topics topics = topics(kafka, prefix);
        send(kafka, topics.images(), APP, AvroRecords.image(APP, "quay.io/team/app"));
        awaitReady();

        HttpResponse<String> later = review(request(NS, Map.of(), "quay.io/team/app@" + APP));
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(later.body()))
                .isEqualTo(JSON.readTree("{\"apiVersion\":\"imagepolicy.k8s.io/v1alpha1\",\"kind\":\"ImageReview\","
                        + "\"status\":{\"allowed\":true}}"));
    }

    @Test
    void allowsAndDeniesPerPolicyFromTheTopics(KafkaEnvironment kafka) throws Exception {
        String prefix = kafka.topicPrefix() + "live.";
        kafka.createTopics("live.images", "live.signatures", "live.tags", "live.policy");
        Topics topics = topics(kafka, prefix);
        send(kafka, topics.images(), APP, AvroRecords.image(APP, "quay.io/team/app"));
        send(kafka, topics.images(), BLOCKED, AvroRecords.image(BLOCKED, "blocked.example.com/x/y"));
        send(kafka, topics.images(), UNSIGNED, AvroRecords.image(UNSIGNED, "quay.io/signed/unsigned"));
        send(kafka, topics.images(), SIGNED, AvroRecords.image(SIGNED, "quay.io/signed/good"));
        send(
                kafka,
                topics.signatures(),
                AvroRecords.signatureKey(SIGNED, "sig-1"),
                AvroRecords.signature(SIGNED, "sig-1", ConditionStatus.True));
        send(
                kafka,
                topics.signatures(),
                AvroRecords.signatureKey(UNSIGNED, "sig-1"),
                AvroRecords.signature(UNSIGNED, "sig-1", null));
        send(kafka, topics.tags(), NS + "/app:1.0", AvroRecords.tag(NS, "app", "1.0", "quay.io/team/app", APP));
        send(
                kafka,
                topics.policy(),
                ReviewConfig.DEFAULT_POLICY_NAME,
                AvroRecords.policy(
                        ReviewConfig.DEFAULT_POLICY_NAME,
                        List.of("quay.io", "blocked.example.com"),
                        List.of("blocked.example.com"),
                        Map.of("quay.io/signed", true)));

        service = ReviewService.start(config(kafka, prefix));
        awaitReady();

        assertThat(status(request(NS, Map.of(), "quay.io/team/app@" + APP, "app:1.0", "quay.io/signed/good@" + SIGNED)))
                .isEqualTo(JSON.readTree("{\"allowed\":true}"));
        assertDenied(request(NS, Map.of(), "quay.io/team/app@" + NEVER_IMPORTED), "(NotImported)");
        assertDenied(request("team-b", Map.of(), "app:1.0"), "(UnresolvedTag)");
        assertDenied(request(NS, Map.of(), "blocked.example.com/x/y@" + BLOCKED), "(Blocked)");
        assertDenied(request(NS, Map.of(), "quay.io/signed/unsigned@" + UNSIGNED), "(SignatureRequired)");

        JsonNode breakGlass =
                status(request(NS, Map.of("alpha.image-policy.k8s.io/break-glass", "true"), "nothing:here"));
        assertThat(breakGlass.get("allowed").booleanValue()).isTrue();
        assertThat(breakGlass.has("reason")).isFalse();
        assertThat(breakGlass
                        .get("auditAnnotations")
                        .get(ReviewDecider.AUDIT_BREAK_GLASS)
                        .asText())
                .isEqualTo("alpha.image-policy.k8s.io/break-glass");
        assertThat(breakGlass
                        .get("auditAnnotations")
                        .get(ReviewDecider.AUDIT_OVERRIDDEN)
                        .asText())
                .startsWith("image \"nothing:here\" denied (UnresolvedTag)");

        // The view follows the topics after it is ready: a tag tombstone makes the tag unresolvable.
        send(kafka, topics.tags(), NS + "/app:1.0", null);
        Awaitility.await("the tag tombstone reaches the view")
                .atMost(WITHIN)
                .until(() ->
                        !status(request(NS, Map.of(), "app:1.0")).get("allowed").booleanValue());

        String scrape = get("/metrics").body();
        assertThat(scrape)
                .contains(ReviewMetrics.REVIEWS + "{decision=\"break_glass\"} 1")
                .contains(ReviewMetrics.VIEW_IMAGES + " 4")
                .contains(ReviewMetrics.VIEW_READY + " 1");
    }

    private static ReviewConfig config(KafkaEnvironment kafka, String prefix) {
        return new ReviewConfig(
                kafka.bootstrapServers(), kafka.schemaRegistryUrl(), prefix, 0, ReviewConfig.DEFAULT_POLICY_NAME);
    }

    private static Topics topics(KafkaEnvironment kafka, String prefix) {
        return Topics.create(prefix, 1, ValueSerdes.schemaRegistry(kafka.serdeConfig()));
    }

    private static <V> void send(KafkaEnvironment kafka, Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private void awaitReady() {
        Awaitility.await("the view catches up")
                .atMost(WITHIN)
                .until(() -> get("/readyz").statusCode() == 200);
    }

    /** An ImageReview as the API server sends it (seed 000). */
    private static String request(String namespace, Map<String, String> annotations, String... images)
            throws Exception {
        var root = JSON.createObjectNode();
        root.put("apiVersion", "imagepolicy.k8s.io/v1alpha1");
        root.put("kind", "ImageReview");
        root.putObject("metadata").putNull("creationTimestamp");
        var spec = root.putObject("spec");
        var containers = spec.putArray("containers");
        for (String image : images) {
            containers.addObject().put("image", image);
        }
        var annotationNode = spec.putObject("annotations");
        annotations.forEach(annotationNode::put);
        spec.put("namespace", namespace);
        root.putObject("status").put("allowed", false);
        return JSON.writeValueAsString(root);
    }

    private void assertDenied(String request, String rule) throws Exception {
        JsonNode status = status(request);
        assertThat(status.get("allowed").booleanValue()).isFalse();
        assertThat(status.get("reason").asText()).contains(rule);
    }

    /** The status of the review's response, which must be a 200 ImageReview. */
    private JsonNode status(String request) throws Exception {
        HttpResponse<String> response = review(request);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("apiVersion").asText()).isEqualTo("imagepolicy.k8s.io/v1alpha1");
        assertThat(body.get("kind").asText()).isEqualTo("ImageReview");
        return body.get("status");
    }

    private HttpResponse<String> review(String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(url(ReviewHandler.PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
