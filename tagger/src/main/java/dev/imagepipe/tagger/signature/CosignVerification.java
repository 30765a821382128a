package dev.imagepipe.tagger.signature;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a cosign signature: an ASN.1 DER ECDSA signature over SHA-256 of the payload bytes, stored base64 in the
 * {@code dev.cosignproject.cosign/signature} annotation. Cosign signatures do not name their key, so every candidate is
 * tried in order and the first that verifies wins. Certificates, chains and Rekor bundles are not checked (keyed
 * verification only).
 */
final class CosignVerification {

    /** Cosign's signing algorithm for its default ECDSA P-256 keys. */
    static final String ALGORITHM = "SHA256withECDSA";

    private static final Pattern PEM_PUBLIC_KEY =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    /** Bytes of the fingerprint kept in the key ID: 64 bits, what the API's publicKeyID asks for at least. */
    private static final int KEY_ID_BYTES = 8;

    private CosignVerification() {}

    /**
     * The EC public key in the PEM {@code PUBLIC KEY} block of {@code pem}.
     *
     * @throws IllegalArgumentException when there is none
     */
    static PublicKey parsePublicKey(String keyName, String pem) {
        Matcher block = PEM_PUBLIC_KEY.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("trusted key " + keyName + " has no PEM PUBLIC KEY block");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted key " + keyName + " is not an EC public key: " + e, e);
        }
    }

    /** Verifies {@code base64Signature} over {@code payload} with the first of {@code candidates} that accepts it. */
    static CryptoOutcome verify(byte[] payload, String base64Signature, List<ParsedKey.Ecdsa> candidates) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature.strip());
        } catch (IllegalArgumentException e) {
            return new CryptoOutcome.Malformed("cosign signature is not base64: " + e.getMessage());
        }
        if (signature.length == 0) {
            return new CryptoOutcome.Malformed("cosign signature is empty");
        }
        for (ParsedKey.Ecdsa candidate : candidates) {
            if (verifies(candidate.publicKey(), payload, signature)) {
                Subject signer = new Subject(Optional.empty(), Optional.empty(), keyId(candidate.publicKey()));
                return new CryptoOutcome.Verified(candidate.key(), payload, signer);
            }
        }
        return new CryptoOutcome.BadSignature(
                Optional.empty(),
                "cosign signature verifies with none of the " + candidates.size()
                        + " configured cosign keys: the payload was altered or its signer is not configured");
    }

    private static boolean verifies(PublicKey key, byte[] payload, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // not a DER ECDSA signature for this key: no match, like a failed check
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable in this JDK", e);
        }
    }

    /** {@code 0x} and the last 8 bytes of SHA-256 over the DER SubjectPublicKeyInfo. */
    static String keyId(PublicKey key) {
        try {
            byte[] fingerprint = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            byte[] low = Arrays.copyOfRange(fingerprint, fingerprint.length - KEY_ID_BYTES, fingerprint.length);
            return Subject.keyId(ByteBuffer.wrap(low).getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }
}
