package dev.imagepipe.tagger.signature;

/** The status of a signature condition; {@link #wireName()} is the API spelling ({@code True}, {@code False}, ...). */
public enum ConditionStatus {
    TRUE("True"),
    FALSE("False"),
    /** Nothing could be decided, e.g. no key is trusted for the image's scope. */
    UNKNOWN("Unknown");

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** {@code True}, {@code False} or {@code Unknown}. */
    public String wireName() {
        return wireName;
    }
}
