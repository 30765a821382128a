package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.registry.manifest.Digest;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature as found, unverified.
 *
 * @param name {@code <image digest>@<hex sha256 of the signature blob>} (A14.1): for simple signing the blob is
 *     {@code content}; for cosign it is the decoded signature bytes, because several keys may sign one identical
 *     payload and each signature must keep its own name
 * @param type simple signing or cosign
 * @param content the opaque blob: the OpenPGP message for simple signing, the payload JSON for cosign
 * @param payload the claims read from the payload without verifying anything; empty when it could not be read (a
 *     simple-signing message that is not a plain or zlib/zip-compressed literal message)
 * @param annotations for cosign, the layer annotations, among them the base64 signature under
 *     {@link CosignSignatures#SIGNATURE_ANNOTATION} and any certificate, chain or Rekor bundle; empty otherwise
 * @param source where it was found
 */
public record DiscoveredSignature(
        String name,
        SignatureType type,
        byte[] content,
        Optional<ClaimedPayload> payload,
        Map<String, String> annotations,
        SignatureSource source) {

    public DiscoveredSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        content = content.clone();
        Objects.requireNonNull(payload, "payload");
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(source, "source");
    }

    /** A simple-signing signature named after its content, its payload read when the message allows. */
    public static DiscoveredSignature simpleSigning(String imageDigest, byte[] content, SignatureSource source) {
        return new DiscoveredSignature(
                name(imageDigest, content),
                SignatureType.SIMPLE_SIGNING,
                content,
                SimpleSigningMessage.payload(content),
                Map.of(),
                source);
    }

    /** {@code <imageDigest>@<hex sha256 of blob>}. */
    public static String name(String imageDigest, byte[] blob) {
        return imageDigest + "@" + Digest.sha256(blob).hex();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The base64 cosign signature; empty for simple signing. */
    public Optional<String> cosignSignature() {
        return Optional.ofNullable(annotations.get(CosignSignatures.SIGNATURE_ANNOTATION));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscoveredSignature that
                && name.equals(that.name)
                && type == that.type
                && Arrays.equals(content, that.content)
                && payload.equals(that.payload)
                && annotations.equals(that.annotations)
                && source == that.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(content), payload, annotations, source);
    }

    @Override
    public String toString() {
        return "DiscoveredSignature[" + name + ", " + type + ", " + content.length + " bytes, " + source + "]";
    }
}
