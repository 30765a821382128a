package dev.imagepipe.importer.signature;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a simple-signing or cosign payload (A14.3, A14.4), read without verifying anything.
 *
 * <pre>{@code
 * {"critical": {"type": "atomic container signature",
 *               "image": {"docker-manifest-digest": "sha256:..."},
 *               "identity": {"docker-reference": "registry.example/ns/repo:tag"}},
 *  "optional": {"creator": "...", "timestamp": 1700000000}}
 * }</pre>
 *
 * <p>Parsing is as strict as containers/image: exactly those keys at the top, in {@code critical}, {@code image} and
 * {@code identity} (an unknown critical field must not be silently ignored), no duplicate keys, a string creator and an
 * integral timestamp. Other {@code optional} fields (cosign annotations) are ignored.
 *
 * @param type {@code critical.type}
 * @param dockerManifestDigest {@code critical.image.docker-manifest-digest}
 * @param dockerReference {@code critical.identity.docker-reference}
 * @param timestamp {@code optional.timestamp}, integral seconds since the epoch
 * @param creator {@code optional.creator}
 */
public record ClaimedPayload(
        String type,
        String dockerManifestDigest,
        String dockerReference,
        Optional<Instant> timestamp,
        Optional<String> creator) {

    /** {@code critical.type} of simple signing ({@code signature/simple.go}). */
    public static final String SIMPLE_SIGNING_TYPE = "atomic container signature";

    /** {@code critical.type} of cosign/sigstore payloads ({@code internal/signature/sigstore.go}). */
    public static final String COSIGN_TYPE = "cosign container image signature";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public ClaimedPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dockerManifestDigest, "dockerManifestDigest");
        Objects.requireNonNull(dockerReference, "dockerReference");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(creator, "creator");
    }

    /** The {@code critical.type} a payload of {@code signatureType} must carry. */
    public static String expectedType(SignatureType signatureType) {
        return signatureType == SignatureType.COSIGN ? COSIGN_TYPE : SIMPLE_SIGNING_TYPE;
    }

    /**
     * Parses {@code json} as a payload of {@code signatureType}.
     *
     * @throws IllegalArgumentException naming the first violation
     */
    public static ClaimedPayload parse(byte[] json, SignatureType signatureType) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getMessage(), e);
        }
        requireExactFields(root, "payload", Set.of("critical", "optional"));
        JsonNode critical = root.get("critical");
        requireExactFields(critical, "critical", Set.of("type", "image", "identity"));
        String type = string(critical, "type", "critical.type");
        if (!type.equals(expectedType(signatureType))) {
            throw new IllegalArgumentException("unrecognized critical.type " + type);
        }
        JsonNode image = critical.get("image");
        requireExactFields(image, "critical.image", Set.of("docker-manifest-digest"));
        JsonNode identity = critical.get("identity");
        requireExactFields(identity, "critical.identity", Set.of("docker-reference"));
        JsonNode optional = root.get("optional");
        if (optional.isNull() && signatureType == SignatureType.COSIGN) {
            optional = JSON.createObjectNode();
        } else if (!optional.isObject()) {
            throw new IllegalArgumentException("optional is not a JSON object");
        }
        return new ClaimedPayload(
                type,
                string(image, "docker-manifest-digest", "critical.image.docker-manifest-digest"),
                string(identity, "docker-reference", "critical.identity.docker-reference"),
                timestamp(optional.get("timestamp")),
                optional.has("creator")
                        ? Optional.of(string(optional, "creator", "optional.creator"))
                        : Optional.empty());
    }

    private static void requireExactFields(JsonNode node, String what, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        Set<String> present = new HashSet<>();
        node.fieldNames().forEachRemaining(present::add);
        if (!present.equals(fields)) {
            throw new IllegalArgumentException(what + " has fields " + present + ", expected exactly " + fields);
        }
    }

    private static String string(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(what + " is not a string");
        }
        return value.asText();
    }

    private static Optional<Instant> timestamp(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("optional.timestamp is not a number");
        }
        BigDecimal seconds = value.decimalValue();
        if (seconds.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("optional.timestamp is not an integer: " + value.asText());
        }
        return Optional.of(Instant.ofEpochSecond(seconds.longValueExact()));
    }
}
