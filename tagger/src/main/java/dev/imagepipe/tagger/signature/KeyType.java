package dev.imagepipe.tagger.signature;

/**
 * The kinds of trusted key the verifier understands. The schema's {@code Unknown} (a kind added later) has no
 * counterpart: such keys must be dropped when the policy is mapped, so they can never verify anything.
 */
public enum KeyType {
    /** An ASCII-armored OpenPGP public key (ring) verifying simple-signing signatures. */
    SIMPLE_SIGNING_GPG,
    /** A PEM {@code PUBLIC KEY} (ECDSA, as cosign generates: P-256) verifying cosign signatures. */
    COSIGN_ECDSA
}
