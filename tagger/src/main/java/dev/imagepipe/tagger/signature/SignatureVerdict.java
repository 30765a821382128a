package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.signature.ClaimedPayload;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one signature for one image at one time. The statuses follow from the reason
 * ({@link VerdictReason}). Claims are present only when a key in force and valid vouched for them; issuer and subject
 * once a configured key in force verified the signature. When {@code Trusted} is {@code Unknown} all of them are empty,
 * as A14.6 requires.
 *
 * @param reason why
 * @param message human-readable details naming keys, digests and references involved
 * @param claims the verified payload claims
 * @param issuedBy the trusted key that verified the signature
 * @param issuedTo who made the signature
 */
public record SignatureVerdict(
        VerdictReason reason,
        String message,
        Optional<ClaimedPayload> claims,
        Optional<Issuer> issuedBy,
        Optional<Subject> issuedTo) {

    /** Claim names in {@link #signedClaims()}: the payload's JSON field names. */
    public static final String CLAIM_TYPE = "type";

    public static final String CLAIM_DIGEST = "docker-manifest-digest";
    public static final String CLAIM_REFERENCE = "docker-reference";
    public static final String CLAIM_CREATOR = "creator";
    /** Seconds since the epoch, as signed. */
    public static final String CLAIM_TIMESTAMP = "timestamp";

    public SignatureVerdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(issuedTo, "issuedTo");
        if (reason.trusted() == ConditionStatus.UNKNOWN
                && (claims.isPresent() || issuedBy.isPresent() || issuedTo.isPresent())) {
            throw new IllegalArgumentException("an Unknown verdict carries no claims, issuer or subject (A14.6)");
        }
    }

    /** A verdict without claims, issuer or subject. */
    static SignatureVerdict bare(VerdictReason reason, String message) {
        return new SignatureVerdict(reason, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The {@code Trusted} condition status. */
    public ConditionStatus trusted() {
        return reason.trusted();
    }

    /** The {@code ForImage} condition status. */
    public ConditionStatus forImage() {
        return reason.forImage();
    }

    /** The signed docker reference ({@code imageIdentity}), when claims are present. */
    public Optional<String> imageIdentity() {
        return claims.map(ClaimedPayload::dockerReference);
    }

    /** The verified claims by their {@code CLAIM_*} names ({@code signedClaims}); empty without claims. */
    public Map<String, String> signedClaims() {
        Map<String, String> out = new LinkedHashMap<>();
        claims.ifPresent(c -> {
            out.put(CLAIM_TYPE, c.type());
            out.put(CLAIM_DIGEST, c.dockerManifestDigest());
            out.put(CLAIM_REFERENCE, c.dockerReference());
            c.creator().ifPresent(creator -> out.put(CLAIM_CREATOR, creator));
            c.timestamp().ifPresent(t -> out.put(CLAIM_TIMESTAMP, Long.toString(t.getEpochSecond())));
        });
        return Collections.unmodifiableMap(out);
    }
}
