package dev.imagepipe.auditor.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ImageReview wire format (imagepolicy.k8s.io/v1alpha1, seed 000): reads the request the API server sends into a
 * {@link ReviewRequest} and writes a {@link ReviewDecision} as the response it expects ({@code apiVersion},
 * {@code kind}, {@code status.allowed}, and {@code status.reason} and {@code status.auditAnnotations} only when
 * non-empty, as Go's {@code omitempty} would). Errors are written as a Kubernetes {@code Status}. Unknown request
 * fields ({@code metadata}, {@code status}) are ignored.
 */
public final class ImageReviewJson {

    public static final String API_VERSION = "imagepolicy.k8s.io/v1alpha1";
    public static final String KIND = "ImageReview";

    /** The annotations the API server forwards (A16); others are dropped here too, should a client send them. */
    static final String ANNOTATION_MARKER = ".image-policy.k8s.io/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageReviewJson() {}

    /** A request body that is not an ImageReview. */
    public static final class MalformedReviewException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedReviewException(String message) {
            super(message);
        }
    }

    /**
     * Reads an ImageReview request.
     *
     * @throws MalformedReviewException when it is not JSON, not an {@code imagepolicy.k8s.io/v1alpha1} ImageReview, or
     *     a field has the wrong type
     */
    public static ReviewRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedReviewException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedReviewException("the body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedReviewException("the body is not a JSON object");
        }
        expect(root, "apiVersion", API_VERSION);
        expect(root, "kind", KIND);
        JsonNode spec = root.path("spec");
        if (!spec.isObject()) {
            throw new MalformedReviewException("spec is required and must be an object");
        }
        return new ReviewRequest(text(spec, "namespace", "spec.namespace"), images(spec), annotations(spec));
    }

    private static void expect(JsonNode root, String field, String value) {
        if (!value.equals(root.path(field).asText(null))) {
            throw new MalformedReviewException(field + " must be \"" + value + "\"");
        }
    }

    private static List<String> images(JsonNode spec) {
        JsonNode containers = spec.path("containers");
        if (containers.isMissingNode() || containers.isNull()) {
            return List.of();
        }
        if (!containers.isArray()) {
            throw new MalformedReviewException("spec.containers must be an array");
        }
        List<String> images = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            if (!container.isObject()) {
                throw new MalformedReviewException("spec.containers[" + i + "] must be an object");
            }
            images.add(text(container, "image", "spec.containers[" + i + "].image"));
        }
        return images;
    }

    private static Map<String, String> annotations(JsonNode spec) {
        JsonNode annotations = spec.path("annotations");
        if (annotations.isMissingNode() || annotations.isNull()) {
            return Map.of();
        }
        if (!annotations.isObject()) {
            throw new MalformedReviewException("spec.annotations must be an object");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : annotations.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new MalformedReviewException("spec.annotations[" + entry.getKey() + "] must be a string");
            }
            if (entry.getKey().contains(ANNOTATION_MARKER)) {
                kept.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return kept;
    }

    /** A string field, {@code ""} when absent or null (Go's zero value). */
    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new MalformedReviewException(path + " must be a string");
        }
        return value.asText();
    }

    /** The response to a review. */
    public static byte[] write(ReviewDecision decision) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", KIND);
        ObjectNode status = root.putObject("status");
        status.put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        if (!decision.auditAnnotations().isEmpty()) {
            ObjectNode audit = status.putObject("auditAnnotations");
            decision.auditAnnotations().forEach(audit::put);
        }
        return bytes(root);
    }

    /**
     * A Kubernetes {@code Status} failure, the error body the API server understands.
     *
     * @param code the HTTP status
     * @param reason the {@code StatusReason}, e.g. {@code ServiceUnavailable}
     */
    public static byte[] error(int code, String reason, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "v1");
        root.put("kind", "Status");
        root.putObject("metadata");
        root.put("status", "Failure");
        root.put("message", message);
        root.put("reason", reason);
        root.put("code", code);
        return bytes(root);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and booleans always serializes", e);
        }
    }
}
