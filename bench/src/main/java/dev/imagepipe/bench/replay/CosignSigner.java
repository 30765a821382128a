package dev.imagepipe.bench.replay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A fresh ECDSA P-256 key signing as {@code cosign sign --key} does (SHA-256, DER, base64), so the synthetic history's
 * Trusted signatures verify for real when the auditor checks them again.
 */
final class CosignSigner {

    private final KeyPair pair;

    CosignSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as {@code cosign.pub} holds it. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The base64 DER signature of {@code payload}. */
    String sign(byte[] payload) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(payload);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cosign payload (A14.4) for {@code digest} claimed as {@code reference}. */
    static byte[] payload(String digest, String reference) {
        return ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + reference
                        + "\"},\"image\":{\"docker-manifest-digest\":\"" + digest
                        + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
