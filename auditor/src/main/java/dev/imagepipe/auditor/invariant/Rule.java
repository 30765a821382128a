package dev.imagepipe.auditor.invariant;

/** The invariants a replay checks; each violation names one. */
public enum Rule {
    /** Every record decodes with the topic's schema. */
    READABLE("record decodes"),
    /** Every TagEvent's image exists in {@code images}. */
    IMAGE_EXISTS("tag event image exists in images"),
    /** Every Image's digest matches its manifest where the manifest is present (and is the record's key). */
    MANIFEST_DIGEST("image digest matches manifest"),
    /**
     * A tag's events chain (Moved starts from the current image, Added only when there is none), event times do not go
     * back, and histories are newest first ({@code created} non-increasing along items).
     */
    HISTORY_ORDER("history order"),
    /** Generations never go back along a tag's events, nor along a history's items. */
    GENERATION_ORDER("generations monotonic"),
    /** Every request has exactly one result: a uid answered twice, or a tag change whose request has no result. */
    ONE_RESULT_PER_REQUEST("one result per request"),
    /** Every {@code Trusted=True} signature verifies again with the keys in force at its verification time. */
    SIGNATURE_REVERIFIES("trusted signature verifies again"),
    /** No credential-like string in any record. */
    NO_CREDENTIALS("no credentials in records"),
    /** The compacted {@code tags} and {@code streams} agree with the histories rebuilt from {@code tag.events}. */
    PROJECTION_MATCHES("projections match rebuilt histories");

    private final String title;

    Rule(String title) {
        this.title = title;
    }

    /** A short human title. */
    public String title() {
        return title;
    }
}
