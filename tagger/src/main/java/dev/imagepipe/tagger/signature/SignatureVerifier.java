package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.signature.ClaimedPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one signature for one image against a {@link TrustPolicy} at a given time (event time, never the wall
 * clock, so a replay reaches the same verdicts). The checks run in containers/image's order, the first failure deciding:
 *
 * <ol>
 *   <li>some key must be in force for the image's repository, else {@code Unknown} ({@code NoTrustedKeys});
 *   <li>the signature must be well formed and verify cryptographically with a configured key
 *       ({@code MalformedSignature}, {@code InvalidSignature}, {@code UntrustedKey} for unknown OpenPGP signers);
 *   <li>that key must be in force for the image ({@code UntrustedKey}) and valid at the verification time
 *       ({@code KeyNotYetValid}, {@code KeyExpired});
 *   <li>the signed payload must parse strictly ({@code InvalidPayload}), sign exactly the image's digest
 *       ({@code DigestMismatch}) and an identity the key's rule accepts ({@code IdentityMismatch}).
 * </ol>
 *
 * Out-of-scope keys are tried too, after those in force, only so an untrusted signer can be named in the message.
 */
public final class SignatureVerifier {

    private final TrustPolicy policy;

    /** @param policy the trusted keys in force */
    public SignatureVerifier(TrustPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The verdict on {@code signature} for {@code image} at {@code at}. */
    public SignatureVerdict verify(SignedContent signature, TargetImage image, Instant at) {
        KeysInForce inForce = policy.keysFor(image.reference());
        if (inForce.keys().isEmpty()) {
            return SignatureVerdict.bare(
                    VerdictReason.NO_TRUSTED_KEYS,
                    "no trusted key covers " + image.reference().name() + ", so the signature cannot be judged");
        }
        CryptoOutcome outcome =
                switch (signature) {
                    case SignedContent.SimpleSigning simple ->
                        OpenPgpVerification.verify(
                                simple.message(), policy.candidates(ParsedKey.OpenPgp.class, inForce));
                    case SignedContent.Cosign cosign ->
                        CosignVerification.verify(
                                cosign.payload(),
                                cosign.base64Signature(),
                                policy.candidates(ParsedKey.Ecdsa.class, inForce));
                };
        return switch (outcome) {
            case CryptoOutcome.Malformed m -> SignatureVerdict.bare(VerdictReason.MALFORMED_SIGNATURE, m.message());
            case CryptoOutcome.BadSignature b -> SignatureVerdict.bare(VerdictReason.INVALID_SIGNATURE, b.message());
            case CryptoOutcome.UnknownSigner u -> SignatureVerdict.bare(VerdictReason.UNTRUSTED_KEY, u.message());
            case CryptoOutcome.Verified v -> judge(signature, image, at, inForce, v);
        };
    }

    private static SignatureVerdict judge(
            SignedContent signature, TargetImage image, Instant at, KeysInForce inForce, CryptoOutcome.Verified v) {
        TrustedKey key = v.key();
        if (!inForce.contains(key)) {
            return SignatureVerdict.bare(
                    VerdictReason.UNTRUSTED_KEY,
                    "signed by " + v.signer().publicKeyId() + " (trusted key " + key.name() + ", scopes "
                            + key.scopes() + "), which is not trusted for "
                            + image.reference().name()
                            + "; keys in force there (" + inForce.scopeDescription() + "): " + inForce.names());
        }
        Optional<Issuer> issuer = Optional.of(Issuer.of(key));
        Optional<Subject> signer = Optional.of(v.signer());
        KeyValidity.Standing standing = key.validity().at(at);
        if (standing != KeyValidity.Standing.VALID) {
            VerdictReason reason = standing == KeyValidity.Standing.EXPIRED
                    ? VerdictReason.KEY_EXPIRED
                    : VerdictReason.KEY_NOT_YET_VALID;
            String message = "signed by trusted key " + key.name() + ", which is "
                    + (standing == KeyValidity.Standing.EXPIRED ? "rotated out" : "not yet valid") + " at " + at
                    + " (valid from "
                    + key.validity().validFrom().map(Instant::toString).orElse("always")
                    + " until "
                    + key.validity().validUntil().map(Instant::toString).orElse("no end") + ")";
            return new SignatureVerdict(reason, message, Optional.empty(), issuer, signer);
        }
        ClaimedPayload claims;
        try {
            claims = ClaimedPayload.parse(v.payload(), signature.type());
        } catch (IllegalArgumentException e) {
            return new SignatureVerdict(
                    VerdictReason.INVALID_PAYLOAD,
                    "signed by trusted key " + key.name() + ", but the payload is invalid: " + e.getMessage(),
                    Optional.empty(),
                    issuer,
                    signer);
        }
        return judgeClaims(claims, image, key, issuer, signer);
    }

    private static SignatureVerdict judgeClaims(
            ClaimedPayload claims,
            TargetImage image,
            TrustedKey key,
            Optional<Issuer> issuer,
            Optional<Subject> signer) {
        String signedBy = "signed by trusted key " + key.name();
        if (!claims.dockerManifestDigest().equals(image.digest())) {
            return new SignatureVerdict(
                    VerdictReason.DIGEST_MISMATCH,
                    signedBy + " for digest " + claims.dockerManifestDigest() + ", not this image's " + image.digest(),
                    Optional.of(claims),
                    issuer,
                    signer);
        }
        Optional<String> identityProblem = identityProblem(claims.dockerReference(), image.reference(), key);
        if (identityProblem.isPresent()) {
            return new SignatureVerdict(
                    VerdictReason.IDENTITY_MISMATCH, identityProblem.get(), Optional.of(claims), issuer, signer);
        }
        return new SignatureVerdict(
                VerdictReason.VERIFIED,
                signedBy + " (" + signer.get().publicKeyId() + ") for " + claims.dockerReference(),
                Optional.of(claims),
                issuer,
                signer);
    }

    private static Optional<String> identityProblem(String signedIdentity, DockerReference image, TrustedKey key) {
        DockerReference signed;
        try {
            signed = DockerReference.parse(signedIdentity);
        } catch (IllegalArgumentException e) {
            return Optional.of("signed identity is not a docker reference: " + e.getMessage());
        }
        if (key.identity().matches(image, signed)) {
            return Optional.empty();
        }
        return Optional.of("signed identity " + signed + " does not match " + image + " under trusted key " + key.name()
                + "'s rule " + key.identity());
    }
}
