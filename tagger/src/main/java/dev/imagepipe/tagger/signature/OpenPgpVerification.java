package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.signature.SignatureLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies a simple-signing signature: a binary OpenPGP signed message (what {@code gpg --sign} writes, optionally
 * compressed) whose literal data is the payload JSON. The message names its signing key by key ID; the candidate keys
 * are searched in order for a ring holding that key. Uses BouncyCastle's lightweight API, so no JCA provider is
 * registered process-wide.
 */
final class OpenPgpVerification {

    /** Payload bytes read from one message: as much as a whole signature may be (containers/image's cap). */
    static final long MAX_PAYLOAD_BYTES = SignatureLimits.MAX_SIGNATURE_BYTES;

    private OpenPgpVerification() {}

    /**
     * The OpenPGP public key rings in {@code armored}.
     *
     * @throws IllegalArgumentException when it holds no readable public key ring
     */
    static PGPPublicKeyRingCollection parseKeyRings(String keyName, String armored) {
        try (InputStream in =
                PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            if (rings.size() == 0) {
                throw new IllegalArgumentException("trusted key " + keyName + " holds no OpenPGP public key");
            }
            return rings;
        } catch (IOException | PGPException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "trusted key " + keyName + " is not an OpenPGP public key: " + e.getMessage(), e);
        }
    }

    /** Verifies {@code message} against the first of {@code candidates} that holds its signing key. */
    static CryptoOutcome verify(byte[] message, List<ParsedKey.OpenPgp> candidates) {
        try {
            return verifyOrThrow(message, candidates);
        } catch (IOException | PGPException | RuntimeException e) {
            // BouncyCastle reports corrupt packets with any of these; all mean the same to us.
            return new CryptoOutcome.Malformed("not a valid OpenPGP signed message: " + e);
        }
    }

    private static CryptoOutcome verifyOrThrow(byte[] message, List<ParsedKey.OpenPgp> candidates)
            throws IOException, PGPException {
        PGPObjectFactory factory = new BcPGPObjectFactory(message);
        Object first = nextSkippingMarkers(factory);
        if (first instanceof PGPCompressedData compressed) {
            factory = new BcPGPObjectFactory(compressed.getDataStream());
            first = nextSkippingMarkers(factory);
        }
        if (!(first instanceof PGPOnePassSignatureList onePass)) {
            return new CryptoOutcome.Malformed("not an OpenPGP signed message: starts with "
                    + (first == null ? "nothing" : first.getClass().getSimpleName()));
        }
        if (onePass.size() != 1) {
            return new CryptoOutcome.Malformed("expected exactly one OpenPGP signature, found " + onePass.size());
        }
        PGPOnePassSignature signature = onePass.get(0);
        long keyId = signature.getKeyID();
        Optional<ParsedKey.OpenPgp> owner = candidates.stream()
                .filter(candidate -> publicKey(candidate, keyId) != null)
                .findFirst();
        if (owner.isEmpty()) {
            String id = Subject.keyId(keyId);
            return new CryptoOutcome.UnknownSigner(id, "signed by OpenPGP key " + id + ", which no trusted key holds");
        }
        PGPPublicKey signingKey = publicKey(owner.get(), keyId);
        signature.init(new BcPGPContentVerifierBuilderProvider(), signingKey);
        if (!(factory.nextObject() instanceof PGPLiteralData literal)) {
            return new CryptoOutcome.Malformed("OpenPGP signed message has no literal data after its one-pass header");
        }
        byte[] payload = readCapped(literal.getInputStream());
        signature.update(payload);
        if (!(factory.nextObject() instanceof PGPSignatureList signatures) || signatures.size() != 1) {
            return new CryptoOutcome.Malformed("OpenPGP signed message does not end in exactly one signature");
        }
        PGPSignature trailer = signatures.get(0);
        if (trailer.getKeyID() != keyId || !signature.verify(trailer)) {
            return new CryptoOutcome.BadSignature(
                    Optional.of(owner.get().key()),
                    "OpenPGP signature by " + Subject.keyId(keyId) + " (trusted key "
                            + owner.get().key().name() + ") does not match the signed data: it was altered");
        }
        return new CryptoOutcome.Verified(
                owner.get().key(), payload, subject(owner.get().rings(), keyId));
    }

    private static Object nextSkippingMarkers(PGPObjectFactory factory) throws IOException {
        Object next = factory.nextObject();
        while (next instanceof PGPMarker) {
            next = factory.nextObject();
        }
        return next;
    }

    private static PGPPublicKey publicKey(ParsedKey.OpenPgp candidate, long keyId) {
        return candidate.rings().getPublicKey(keyId);
    }

    /** The signer: the primary user ID of the ring holding {@code keyId} (which may be a signing subkey). */
    private static Subject subject(PGPPublicKeyRingCollection rings, long keyId) throws PGPException {
        PGPPublicKeyRing ring = rings.getPublicKeyRing(keyId);
        Iterator<String> userIds = ring.getPublicKey().getUserIDs();
        Optional<String> userId = userIds.hasNext() ? Optional.of(userIds.next()) : Optional.empty();
        return new Subject(Optional.empty(), userId, Subject.keyId(keyId));
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_PAYLOAD_BYTES) {
                throw new IOException("literal data exceeds " + MAX_PAYLOAD_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }
}
