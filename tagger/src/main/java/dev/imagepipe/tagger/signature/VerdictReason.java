package dev.imagepipe.tagger.signature;

/**
 * Why a signature got its verdict: a closed set, each with the {@code Trusted} and {@code ForImage} statuses it implies,
 * so a verdict can never pair a reason with contradicting statuses. {@code ForImage} is only judged ({@code True} or
 * {@code False}) once a trusted key has vouched for the claims; before that it is {@code Unknown}.
 */
public enum VerdictReason {
    /** A key in force made the signature, over this image's digest and an identity its rule accepts. */
    VERIFIED("Verified", ConditionStatus.TRUE, ConditionStatus.TRUE),
    /** No key is trusted for the image's repository, so the policy has no opinion. */
    NO_TRUSTED_KEYS("NoTrustedKeys", ConditionStatus.UNKNOWN, ConditionStatus.UNKNOWN),
    /** The content is not a signature of its type at all (not an OpenPGP signed message, undecodable base64, ...). */
    MALFORMED_SIGNATURE("MalformedSignature", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /**
     * The signature does not verify: the signed data was altered, or (cosign, whose signatures do not name their key)
     * it was made by a key that is not configured at all.
     */
    INVALID_SIGNATURE("InvalidSignature", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /** A valid signature by a key that is not in force for this image: unknown, or trusted only in other scopes. */
    UNTRUSTED_KEY("UntrustedKey", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /** Made by a key in force whose validity has not started yet at verification time. */
    KEY_NOT_YET_VALID("KeyNotYetValid", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /** Made by a key in force that was rotated out (its validity ended) before verification time. */
    KEY_EXPIRED("KeyExpired", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /** Verified, but the signed payload breaks the strict simple-signing format (A14.3). */
    INVALID_PAYLOAD("InvalidPayload", ConditionStatus.FALSE, ConditionStatus.UNKNOWN),
    /** Verified, but it signs another manifest digest. */
    DIGEST_MISMATCH("DigestMismatch", ConditionStatus.FALSE, ConditionStatus.FALSE),
    /** Verified, but the signed identity does not match the image reference under the key's rule. */
    IDENTITY_MISMATCH("IdentityMismatch", ConditionStatus.FALSE, ConditionStatus.FALSE);

    private final String wireName;
    private final ConditionStatus trusted;
    private final ConditionStatus forImage;

    VerdictReason(String wireName, ConditionStatus trusted, ConditionStatus forImage) {
        this.wireName = wireName;
        this.trusted = trusted;
        this.forImage = forImage;
    }

    /** The condition {@code reason} string. */
    public String wireName() {
        return wireName;
    }

    /** The {@code Trusted} status this reason implies. */
    public ConditionStatus trusted() {
        return trusted;
    }

    /** The {@code ForImage} status this reason implies. */
    public ConditionStatus forImage() {
        return forImage;
    }
}
