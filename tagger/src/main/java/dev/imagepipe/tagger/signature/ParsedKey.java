package dev.imagepipe.tagger.signature;

import java.security.PublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;

/** A trusted key with its material parsed once per policy, for the verifier of its kind. */
sealed interface ParsedKey {

    TrustedKey key();

    /** Parses {@code key}'s material. */
    static ParsedKey of(TrustedKey key) {
        return switch (key.type()) {
            case SIMPLE_SIGNING_GPG -> new OpenPgp(key, OpenPgpVerification.parseKeyRings(key.name(), key.publicKey()));
            case COSIGN_ECDSA -> new Ecdsa(key, CosignVerification.parsePublicKey(key.name(), key.publicKey()));
        };
    }

    /** The OpenPGP key rings of a {@link KeyType#SIMPLE_SIGNING_GPG} key. */
    record OpenPgp(TrustedKey key, PGPPublicKeyRingCollection rings) implements ParsedKey {}

    /** The EC public key of a {@link KeyType#COSIGN_ECDSA} key. */
    record Ecdsa(TrustedKey key, PublicKey publicKey) implements ParsedKey {}
}
