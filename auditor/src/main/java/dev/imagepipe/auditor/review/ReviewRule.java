package dev.imagepipe.auditor.review;

/**
 * The rules an image can break, named in denial reasons so a user sees which one to fix. {@link #wireName()} is the
 * spelling in reasons and audit annotations.
 */
public enum ReviewRule {
    /** The image is not a valid pull spec. */
    INVALID_REFERENCE("InvalidReference"),
    /** Written by tag, and no image stream tag of the pod's namespace has that name: nothing proves what runs. */
    UNRESOLVED_TAG("UnresolvedTag"),
    /** The digest (given, or a stream tag's current one) is not an Image imported into the pipeline. */
    NOT_IMPORTED("NotImported"),
    /** The registry the image was imported from is not in {@code allowedRegistriesForImport}. */
    NOT_ALLOWED("NotAllowed"),
    /** The registry the image was imported from is blocked, and no unblocked mirror serves it. */
    BLOCKED("Blocked"),
    /** {@code signatureRequirements} require a Trusted signature for the image's scope and it has none. */
    SIGNATURE_REQUIRED("SignatureRequired"),
    /** The policy in force cannot be applied; every image is denied until it is fixed. */
    INVALID_POLICY("InvalidPolicy");

    private final String wireName;

    ReviewRule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
