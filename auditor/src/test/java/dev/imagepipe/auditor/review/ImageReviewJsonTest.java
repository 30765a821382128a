package dev.imagepipe.auditor.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageReviewJsonTest {

    /**
     * What the API server's ImagePolicyWebhook plugin POSTs (seed 000, the Kubernetes admission-controller docs'
     * example): metadata with a null creationTimestamp, every container and init container under spec.containers,
     * the pod's *.image-policy.k8s.io/* annotations, the namespace, and an empty status.
     */
    static final String API_SERVER_REQUEST = """
            {
              "apiVersion": "imagepolicy.k8s.io/v1alpha1",
              "kind": "ImageReview",
              "metadata": {"creationTimestamp": null},
              "spec": {
                "containers": [
                  {"image": "myrepo/myimage:v1"},
                  {"image": "myrepo/myimage@sha256:beb6bd6a68f114c1dc2ea4b28db81bdf91de202a9014972bec5e4d9171d90ed"}
                ],
                "annotations": {
                  "mycluster.image-policy.k8s.io/ticket-1234": "break-glass"
                },
                "namespace": "mynamespace"
              },
              "status": {"allowed": false}
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheRequestTheApiServerSends() {
        ReviewRequest request = parse(API_SERVER_REQUEST);

        assertThat(request)
                .isEqualTo(new ReviewRequest(
                        "mynamespace",
                        List.of(
                                "myrepo/myimage:v1",
                                "myrepo/myimage@sha256:beb6bd6a68f114c1dc2ea4b28db81bdf91de202a9014972bec5e4d9171d90ed"),
                        Map.of("mycluster.image-policy.k8s.io/ticket-1234", "break-glass")));
    }

    @Test
    void keepsOnlyImagePolicyAnnotationsAsTheApiServerDoes() {
        // D13: pod annotations {a.image-policy.k8s.io/x: 1, other: 2} -> spec.annotations only contains the first.
        ReviewRequest request = parse("""
                {"apiVersion": "imagepolicy.k8s.io/v1alpha1", "kind": "ImageReview",
                 "spec": {"annotations": {"a.image-policy.k8s.io/x": "1", "other": "2"}, "namespace": "ns"}}
                """);

        assertThat(request.annotations()).isEqualTo(Map.of("a.image-policy.k8s.io/x", "1"));
        assertThat(request.images()).isEmpty();
    }

    @Test
    void writesAnAllowedReviewWithOnlyTheFieldsThatAreSet() throws Exception {
        JsonNode response = write(new ReviewDecision(true, "", Map.of()));

        assertThat(fieldNames(response)).containsExactly("apiVersion", "kind", "status");
        assertThat(response.get("apiVersion").asText()).isEqualTo("imagepolicy.k8s.io/v1alpha1");
        assertThat(response.get("kind").asText()).isEqualTo("ImageReview");
        assertThat(fieldNames(response.get("status"))).containsExactly("allowed");
        assertThat(response.get("status").get("allowed").isBoolean()).isTrue();
        assertThat(response.get("status").get("allowed").booleanValue()).isTrue();
    }

    @Test
    void writesADeniedReviewWithItsReason() throws Exception {
        JsonNode status = write(new ReviewDecision(false, "image \"x\" denied (NotImported): gone", Map.of()))
                .get("status");

        assertThat(fieldNames(status)).containsExactly("allowed", "reason");
        assertThat(status.get("allowed").booleanValue()).isFalse();
        assertThat(status.get("reason").asText()).isEqualTo("image \"x\" denied (NotImported): gone");
    }

    @Test
    void writesAuditAnnotationsAsAStringMap() throws Exception {
        JsonNode status = write(
                        new ReviewDecision(true, "", Map.of("break-glass", "a.image-policy.k8s.io/break-glass")))
                .get("status");

        assertThat(fieldNames(status)).containsExactly("allowed", "auditAnnotations");
        assertThat(status.get("auditAnnotations").get("break-glass").asText())
                .isEqualTo("a.image-policy.k8s.io/break-glass");
    }

    @Test
    void refusesBodiesThatAreNotAnImageReview() {
        assertMalformed("not json", "the body is not JSON");
        assertMalformed("[]", "the body is not a JSON object");
        assertMalformed("{\"apiVersion\": \"v1\", \"kind\": \"ImageReview\", \"spec\": {}}", "apiVersion must be");
        assertMalformed(
                "{\"apiVersion\": \"imagepolicy.k8s.io/v1alpha1\", \"kind\": \"Pod\", \"spec\": {}}", "kind must be");
        assertMalformed("{\"apiVersion\": \"imagepolicy.k8s.io/v1alpha1\", \"kind\": \"ImageReview\"}", "spec is");
        assertMalformed(
                "{\"apiVersion\": \"imagepolicy.k8s.io/v1alpha1\", \"kind\": \"ImageReview\","
                        + " \"spec\": {\"containers\": [{\"image\": 7}]}}",
                "spec.containers[0].image must be a string");
    }

    @Test
    void writesErrorsAsAKubernetesStatus() throws Exception {
        JsonNode status = JSON.readTree(ImageReviewJson.error(503, "ServiceUnavailable", "loading"));

        assertThat(status.get("kind").asText()).isEqualTo("Status");
        assertThat(status.get("apiVersion").asText()).isEqualTo("v1");
        assertThat(status.get("status").asText()).isEqualTo("Failure");
        assertThat(status.get("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(status.get("message").asText()).isEqualTo("loading");
        assertThat(status.get("code").asInt()).isEqualTo(503);
    }

    private static ReviewRequest parse(String json) {
        return ImageReviewJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode write(ReviewDecision decision) throws Exception {
        return JSON.readTree(ImageReviewJson.write(decision));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(ImageReviewJson.MalformedReviewException.class)
                .hasMessageContaining(message);
    }
}
