package dev.imagepipe.tagger.signature;

/** The signature condition types of A14.6; {@link #wireName()} is the API spelling. */
public enum ConditionType {
    /** The signature was made by a key trusted for the image. */
    TRUSTED("Trusted"),
    /** The signed claims (digest and identity) are this image's. */
    FOR_IMAGE("ForImage"),
    /** Reserved by the API; not produced by the verifier. */
    EXPIRED("Expired"),
    /** Reserved by the API; not produced by the verifier. */
    REVOKED("Revoked");

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code Trusted}, {@code ForImage}, {@code Expired} or {@code Revoked}. */
    public String wireName() {
        return wireName;
    }
}
