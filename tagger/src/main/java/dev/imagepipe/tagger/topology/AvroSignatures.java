package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.signature.CosignSignatures;
import dev.imagepipe.importer.signature.SignatureType;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.SignatureIssuer;
import dev.imagepipe.schemas.avro.SignatureSubject;
import dev.imagepipe.tagger.signature.ConditionStatus;
import dev.imagepipe.tagger.signature.ConditionType;
import dev.imagepipe.tagger.signature.SignatureCondition;
import dev.imagepipe.tagger.signature.SignatureConditions;
import dev.imagepipe.tagger.signature.SignatureVerdict;
import dev.imagepipe.tagger.signature.SignedContent;
import dev.imagepipe.tagger.signature.VerdictReason;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Maps between Avro {@code ImageSignature} (as the importer attaches it to an {@code Image}, and as the tagger writes
 * it to {@code signatures}, key {@code metadata.name}) and the signature domain: the verifiable content in, the
 * verdict and its conditions out.
 */
final class AvroSignatures {

    private AvroSignatures() {}

    /** The verifiable content, or the verdict of a signature that has none this tagger can read. */
    static SignedContentOrVerdict content(ImageSignature signature) {
        byte[] content = bytes(signature.getContent());
        if (SignatureType.SIMPLE_SIGNING.wireName().equals(signature.getType())) {
            return new SignedContentOrVerdict(Optional.of(new SignedContent.SimpleSigning(content)), Optional.empty());
        }
        if (SignatureType.COSIGN.wireName().equals(signature.getType())) {
            String base64 = signature.getMetadata().getAnnotations().get(CosignSignatures.SIGNATURE_ANNOTATION);
            return base64 == null
                    ? malformed("cosign signature without its " + CosignSignatures.SIGNATURE_ANNOTATION + " annotation")
                    : new SignedContentOrVerdict(
                            Optional.of(new SignedContent.Cosign(content, base64)), Optional.empty());
        }
        return malformed("signature type \"" + signature.getType() + "\" is not one this tagger verifies");
    }

    /** Either content to verify or, when there is none, the verdict already reached. */
    record SignedContentOrVerdict(Optional<SignedContent> content, Optional<SignatureVerdict> verdict) {}

    /**
     * {@code signature} with {@code verdict}: conditions from {@link SignatureConditions} against {@code previous}'s,
     * and identity, claims, issuer and subject from the verdict (cleared when it has none, as A14.6 requires).
     */
    static ImageSignature verified(
            ImageSignature signature, Optional<ImageSignature> previous, SignatureVerdict verdict, Instant probe) {
        List<SignatureCondition> before =
                previous.map(p -> conditions(p.getConditions())).orElse(List.of());
        return ImageSignature.newBuilder(signature)
                .setImageIdentity(verdict.imageIdentity().orElse(null))
                .setSignedClaims(new LinkedHashMap<>(verdict.signedClaims()))
                .setIssuedBy(verdict.issuedBy()
                        .map(i -> new SignatureIssuer(
                                i.organization().orElse(null), i.commonName().orElse(null)))
                        .orElse(null))
                .setIssuedTo(verdict.issuedTo()
                        .map(s -> new SignatureSubject(
                                s.organization().orElse(null), s.commonName().orElse(null), s.publicKeyId()))
                        .orElse(null))
                .setConditions(SignatureConditions.apply(before, verdict, probe).stream()
                        .map(AvroSignatures::condition)
                        .toList())
                .build();
    }

    /** Whether two written signatures say the same, probe times aside: a re-check that confirms is not news. */
    static boolean sameVerdict(ImageSignature a, ImageSignature b) {
        return withoutProbeTimes(a).equals(withoutProbeTimes(b));
    }

    /** The newest probe time among the signature's conditions, if it has any. */
    static Optional<Instant> lastProbe(ImageSignature signature) {
        return signature.getConditions().stream()
                .map(dev.imagepipe.schemas.avro.SignatureCondition::getLastProbeTime)
                .filter(t -> t != null)
                .max(Instant::compareTo);
    }

    private static ImageSignature withoutProbeTimes(ImageSignature signature) {
        return ImageSignature.newBuilder(signature)
                .setConditions(signature.getConditions().stream()
                        .map(c -> dev.imagepipe.schemas.avro.SignatureCondition.newBuilder(c)
                                .setLastProbeTime(null)
                                .build())
                        .toList())
                .build();
    }

    private static SignedContentOrVerdict malformed(String message) {
        return new SignedContentOrVerdict(
                Optional.empty(),
                Optional.of(new SignatureVerdict(
                        VerdictReason.MALFORMED_SIGNATURE,
                        message,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    }

    /** Conditions of known types; a condition type added later is left out of the bookkeeping. */
    private static List<SignatureCondition> conditions(List<dev.imagepipe.schemas.avro.SignatureCondition> avro) {
        return avro.stream()
                .flatMap(c -> Arrays.stream(ConditionType.values())
                        .filter(t -> t.wireName().equals(c.getType()))
                        .map(t -> new SignatureCondition(
                                t,
                                status(c.getStatus()),
                                orEpoch(c.getLastProbeTime()),
                                orEpoch(c.getLastTransitionTime()),
                                c.getReason() == null ? "" : c.getReason(),
                                c.getMessage() == null ? "" : c.getMessage())))
                .toList();
    }

    private static dev.imagepipe.schemas.avro.SignatureCondition condition(SignatureCondition condition) {
        return dev.imagepipe.schemas.avro.SignatureCondition.newBuilder()
                .setType(condition.type().wireName())
                .setStatus(
                        switch (condition.status()) {
                            case TRUE -> dev.imagepipe.schemas.avro.ConditionStatus.True;
                            case FALSE -> dev.imagepipe.schemas.avro.ConditionStatus.False;
                            case UNKNOWN -> dev.imagepipe.schemas.avro.ConditionStatus.Unknown;
                        })
                .setLastProbeTime(condition.lastProbeTime())
                .setLastTransitionTime(condition.lastTransitionTime())
                .setReason(condition.reason())
                .setMessage(condition.message())
                .build();
    }

    private static ConditionStatus status(dev.imagepipe.schemas.avro.ConditionStatus status) {
        return switch (status) {
            case True -> ConditionStatus.TRUE;
            case False -> ConditionStatus.FALSE;
            case Unknown -> ConditionStatus.UNKNOWN;
        };
    }

    private static Instant orEpoch(Instant time) {
        return time == null ? Instant.EPOCH : time;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
