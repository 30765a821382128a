package dev.imagepipe.importer.request;

import dev.imagepipe.importer.registry.FailureReason;
import java.util.Objects;

/**
 * One broken validation rule, phrased as Kubernetes field errors are: {@code <field>: <detail>}.
 *
 * @param field the path of the offending field, e.g. {@code spec.images[2].from.kind}
 * @param detail what is wrong, e.g. {@code Unsupported value: "ImageStreamTag": only DockerImage is supported}
 * @param reason {@link FailureReason#INVALID_REFERENCE} for a reference that does not parse, else
 *     {@link FailureReason#INVALID}
 */
public record Violation(String field, String detail, FailureReason reason) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code field: detail}. */
    public String message() {
        return field + ": " + detail;
    }
}
