package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.SignatureState;
import dev.imagepipe.importer.signature.CosignSignatures;
import dev.imagepipe.importer.signature.SignatureType;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.tagger.signature.SignedContent;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Maps {@code images} and {@code signatures} values to log records. The verifiable content of a signature is read as
 * the tagger reads it: the blob for simple signing, the payload plus the base64 signature from the
 * {@value CosignSignatures#SIGNATURE_ANNOTATION} annotation for cosign.
 */
final class AvroImages {

    private AvroImages() {}

    static ImageEntry image(Image image) {
        return new ImageEntry(
                image.getMetadata().getName(),
                image.getDockerImageReference(),
                image.getDockerImageManifestMediaType(),
                Optional.ofNullable(image.getDockerImageManifest()));
    }

    static SignatureEntry signature(ImageSignature signature) {
        return new SignatureEntry(
                signature.getMetadata().getName(),
                signature.getType(),
                content(signature),
                signature.getConditions().stream().map(AvroImages::state).toList());
    }

    private static Optional<SignedContent> content(ImageSignature signature) {
        byte[] content = bytes(signature.getContent());
        if (SignatureType.SIMPLE_SIGNING.wireName().equals(signature.getType())) {
            return Optional.of(new SignedContent.SimpleSigning(content));
        }
        if (SignatureType.COSIGN.wireName().equals(signature.getType())) {
            return Optional.ofNullable(
                            signature.getMetadata().getAnnotations().get(CosignSignatures.SIGNATURE_ANNOTATION))
                    .map(base64 -> new SignedContent.Cosign(content, base64));
        }
        return Optional.empty();
    }

    private static SignatureState state(SignatureCondition condition) {
        return new SignatureState(
                condition.getType(),
                condition.getStatus().name(),
                Optional.ofNullable(condition.getLastProbeTime()),
                Optional.ofNullable(condition.getReason()),
                Optional.ofNullable(condition.getMessage()));
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
