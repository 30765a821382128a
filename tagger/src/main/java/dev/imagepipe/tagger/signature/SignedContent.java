package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.signature.DiscoveredSignature;
import dev.imagepipe.importer.signature.SignatureType;
import java.util.Objects;

/** The verifiable part of a signature, by kind. */
public sealed interface SignedContent {

    /** The kind, whose {@code wireName()} is the {@code ImageSignature.type}. */
    SignatureType type();

    /**
     * The content of a discovered signature.
     *
     * @throws IllegalArgumentException for a cosign signature without its signature annotation
     */
    static SignedContent of(DiscoveredSignature signature) {
        return switch (signature.type()) {
            case SIMPLE_SIGNING -> new SimpleSigning(signature.content());
            case COSIGN ->
                new Cosign(
                        signature.content(),
                        signature
                                .cosignSignature()
                                .orElseThrow(() ->
                                        new IllegalArgumentException(signature.name() + " has no cosign signature")));
        };
    }

    /** A simple-signing signature: the binary OpenPGP signed message around the payload JSON. */
    record SimpleSigning(byte[] message) implements SignedContent {
        public SimpleSigning {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }

        @Override
        public SignatureType type() {
            return SignatureType.SIMPLE_SIGNING;
        }
    }

    /**
     * A cosign signature.
     *
     * @param payload the payload JSON exactly as stored (the signed bytes)
     * @param base64Signature the base64 DER ECDSA signature from the layer annotation
     */
    record Cosign(byte[] payload, String base64Signature) implements SignedContent {
        public Cosign {
            payload = payload.clone();
            Objects.requireNonNull(base64Signature, "base64Signature");
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public SignatureType type() {
            return SignatureType.COSIGN;
        }
    }
}
