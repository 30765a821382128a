package dev.imagepipe.auditor.invariant;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One broken invariant.
 *
 * @param rule which invariant
 * @param message what is wrong, naming keys, digests and values
 * @param records the records involved, the one that breaks the rule first
 */
public record Violation(Rule rule, String message, List<Evidence> records) {

    /** Report order: by the offending record's position, then rule. */
    public static final Comparator<Violation> ORDER = Comparator.comparing(
                    (Violation v) -> v.primary().position())
            .thenComparing(Violation::rule)
            .thenComparing(Violation::message);

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a violation names at least the record that breaks the rule");
        }
    }

    public static Violation of(Rule rule, String message, Evidence... records) {
        return new Violation(rule, message, List.of(records));
    }

    /** The record that breaks the rule. */
    public Evidence primary() {
        return records.getFirst();
    }
}
