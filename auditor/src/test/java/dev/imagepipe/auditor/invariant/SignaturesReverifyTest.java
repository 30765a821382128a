package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.POLICY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T3;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.CosignKey;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignaturesReverifyTest {

    private final KnownTimeline timeline = KnownTimeline.create();
    private final CosignKey stranger = CosignKey.generate();

    @Test
    void acceptsATrustedSignatureThatVerifiesWithTheKeysThenInForce() {
        assertThat(Checks.of(timeline.records(), Rule.SIGNATURE_REVERIFIES)).isEmpty();
    }

    @Test
    void reportsATrustedVerdictOnASignatureByAnUntrustedKey() {
        var forged = signature(D2, stranger, ConditionStatus.True, T4);

        assertThat(Checks.of(timeline.with(forged), Rule.SIGNATURE_REVERIFIES))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.SIGNATURES));
                    assertThat(v.message())
                            .contains("is Trusted, but verifying it again")
                            .contains("InvalidSignature");
                    assertThat(v.records())
                            .extracting(e -> e.position().topic())
                            .containsExactly("imagepipe.signatures", "imagepipe.images", "imagepipe.policy");
                });
    }

    @Test
    void reportsATrustedVerdictOnATamperedPayload() {
        ImageSignature signed = (ImageSignature)
                signature(D2, timeline.release(), ConditionStatus.True, T4).value();
        String payload = new String(signed.getContent().array(), StandardCharsets.UTF_8);
        ImageSignature signature = ImageSignature.newBuilder(signed)
                .setContent(ByteBuffer.wrap(payload.replace(REPOSITORY, "registry.example.com/prod/other")
                        .getBytes(StandardCharsets.UTF_8)))
                .build();
        var tampered =
                new FixtureRecord(Source.SIGNATURES, signature.getMetadata().getName(), T4, signature);

        assertThat(Checks.of(timeline.with(tampered), Rule.SIGNATURE_REVERIFIES))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("InvalidSignature"));
    }

    @Test
    void judgesEachVerdictWithTheKeysInForceAtItsProbeTime() {
        var rotated = new FixtureRecord(
                Source.POLICY, POLICY, T3, Avro.policy(POLICY, "next", stranger, "registry.example.com/prod"));
        var probedBefore = signature(D2, timeline.release(), ConditionStatus.True, T3.minusSeconds(1));
        var probedAfter = signature(D2, timeline.release(), ConditionStatus.True, T3);

        assertThat(Checks.of(timeline.with(rotated, probedBefore), Rule.SIGNATURE_REVERIFIES))
                .isEmpty();
        assertThat(Checks.of(timeline.with(rotated, probedAfter), Rule.SIGNATURE_REVERIFIES))
                .singleElement()
                .satisfies(v -> assertThat(v.records().getLast().summary()).contains("[next]"));
    }

    @Test
    void reportsATrustedSignatureOfAnImageNotInImages() {
        String unknown = Avro.sha256("never imported");
        var orphan = signature(unknown, timeline.release(), ConditionStatus.True, T4);

        assertThat(Checks.of(timeline.with(orphan), Rule.SIGNATURE_REVERIFIES))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("its image " + unknown + " is not in images"));
    }

    @Test
    void leavesUntrustedVerdictsAlone() {
        var untrusted = signature(D2, stranger, ConditionStatus.False, T4);

        assertThat(Checks.of(timeline.with(untrusted), Rule.SIGNATURE_REVERIFIES))
                .isEmpty();
    }

    private static FixtureRecord signature(String digest, CosignKey key, ConditionStatus trusted, Instant probe) {
        ImageSignature signature = Avro.signature(digest, key, REPOSITORY + "@" + digest, trusted, "Verified", probe);
        return new FixtureRecord(Source.SIGNATURES, signature.getMetadata().getName(), probe, signature);
    }
}
