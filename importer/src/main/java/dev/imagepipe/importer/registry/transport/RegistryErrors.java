package dev.imagepipe.importer.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps failed responses to {@link RegistryException}: the status and the registry's error body ({@code
 * {"errors":[{"code","message"}]}}, OCI distribution spec "Error Codes") give the {@link FailureReason}.
 */
public final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryErrors() {}

    /** The exception for a non-2xx response to {@code what} (e.g. {@code "manifest app:1 on quay.io"}). */
    public static RegistryException fromResponse(RegistryResponse response, String what, Clock clock) {
        List<Error> errors = parseErrors(response.body());
        List<String> codes = errors.stream().map(Error::code).toList();
        int status = response.status();
        FailureReason reason = reasonFor(status, codes);
        Optional<Duration> retryAfter =
                RetryPolicy.parseRetryAfter(response.header("Retry-After").orElse(null), clock);
        String detail = errors.isEmpty()
                ? ""
                : ": " + String.join("; ", errors.stream().map(Error::describe).toList());
        return new RegistryException(
                reason,
                what + ": " + reason.statusReason() + " (HTTP " + status + ")" + detail,
                status,
                codes,
                RetryPolicy.isTransientStatus(status) || codes.contains("TOOMANYREQUESTS"),
                retryAfter.orElse(null),
                null);
    }

    /** The reason for a status and the registry's error codes; codes win where they are more specific. */
    public static FailureReason reasonFor(int status, List<String> codes) {
        if (status == 429 || codes.contains("TOOMANYREQUESTS")) {
            return FailureReason.RATE_LIMITED;
        }
        if (codes.contains("DENIED") || status == 403) {
            return FailureReason.FORBIDDEN;
        }
        if (status == 401 || codes.contains("UNAUTHORIZED")) {
            return FailureReason.UNAUTHORIZED;
        }
        if (status == 404
                || codes.contains("NAME_UNKNOWN")
                || codes.contains("MANIFEST_UNKNOWN")
                || codes.contains("BLOB_UNKNOWN")) {
            return FailureReason.NOT_FOUND;
        }
        if (status == 408) {
            return FailureReason.TIMEOUT;
        }
        if (codes.contains("MANIFEST_INVALID") || codes.contains("DIGEST_INVALID")) {
            return FailureReason.INTEGRITY_MISMATCH;
        }
        if (status == 415) {
            return FailureReason.UNSUPPORTED_MEDIA_TYPE;
        }
        // 5xx, and anything else unexpected from the server side: the registry is not serving us.
        return FailureReason.REGISTRY_UNAVAILABLE;
    }

    /** One entry of the error body. */
    public record Error(String code, String message) {
        String describe() {
            return message.isEmpty() ? code : code + " " + message;
        }
    }

    /** The entries of an error body; empty when the body is not one. */
    public static List<Error> parseErrors(byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<Error> result = new ArrayList<>();
            for (JsonNode error : errors) {
                String code = error.path("code").asText("");
                if (!code.isEmpty()) {
                    result.add(new Error(code, truncate(error.path("message").asText(""))));
                }
            }
            return List.copyOf(result);
        } catch (IOException | RuntimeException notJson) {
            return List.of();
        }
    }

    /** Registry messages end up in status; keep them short. */
    private static String truncate(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
