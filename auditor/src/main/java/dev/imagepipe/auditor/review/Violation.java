package dev.imagepipe.auditor.review;

import java.util.Objects;

/**
 * Why one container image may not run.
 *
 * @param image the image exactly as the pod writes it
 * @param rule the rule it breaks
 * @param detail what about it breaks the rule, for people
 */
public record Violation(String image, ReviewRule rule, String detail) {

    public Violation {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code image "<image>" denied (<Rule>): <detail>}, the form used in {@code status.reason}. */
    @Override
    public String toString() {
        return "image \"" + image + "\" denied (" + rule.wireName() + "): " + detail;
    }
}
