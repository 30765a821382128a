package dev.imagepipe.tagger.signature;

import java.util.Optional;

/** What the cryptographic check of one signature found, before policy (scope, validity, claims) is applied. */
sealed interface CryptoOutcome {

    /** {@code key} verified the signature over {@code payload}, made by {@code signer}. */
    record Verified(TrustedKey key, byte[] payload, Subject signer) implements CryptoOutcome {}

    /** The content is not a signature of its kind. */
    record Malformed(String message) implements CryptoOutcome {}

    /** The signature fails to verify; {@code key} is the configured key it names, when it names one. */
    record BadSignature(Optional<TrustedKey> key, String message) implements CryptoOutcome {}

    /** The signature names a signing key that no configured key contains. */
    record UnknownSigner(String signerKeyId, String message) implements CryptoOutcome {}
}
