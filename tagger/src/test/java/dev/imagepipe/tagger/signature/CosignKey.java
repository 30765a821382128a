package dev.imagepipe.tagger.signature;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An ECDSA P-256 key pair as {@code cosign generate-key-pair} makes, signing as cosign does (DER, base64). */
public final class CosignKey {

    private final KeyPair pair;

    private CosignKey(KeyPair pair) {
        this.pair = pair;
    }

    public static CosignKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new CosignKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as cosign.pub holds it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The base64 DER ECDSA signature over SHA-256 of {@code payload}, as in the signature annotation. */
    public String sign(byte[] payload) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(payload);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 0x} and the low 64 bits of SHA-256 over the DER public key, computed independently of the code. */
    public String keyId() {
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            return "0x" + HexFormat.of().formatHex(Arrays.copyOfRange(sha, 24, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
