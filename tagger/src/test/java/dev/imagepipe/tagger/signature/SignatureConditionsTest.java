package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureConditionsTest {

    private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-02T00:00:00Z");
    private static final Instant T3 = Instant.parse("2025-01-03T00:00:00Z");

    private static SignatureVerdict verdict(VerdictReason reason, String message) {
        return SignatureVerdict.bare(reason, message);
    }

    private static SignatureCondition condition(List<SignatureCondition> conditions, ConditionType type) {
        return conditions.stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    @Test
    void firstVerdictSetsTrustedAndForImageWithProbeAndTransitionAtProbeTime() {
        List<SignatureCondition> conditions =
                SignatureConditions.apply(List.of(), verdict(VerdictReason.NO_TRUSTED_KEYS, "none"), T1);

        assertThat(conditions)
                .containsExactly(
                        new SignatureCondition(
                                ConditionType.TRUSTED, ConditionStatus.UNKNOWN, T1, T1, "NoTrustedKeys", "none"),
                        new SignatureCondition(
                                ConditionType.FOR_IMAGE, ConditionStatus.UNKNOWN, T1, T1, "NoTrustedKeys", "none"));
    }

    @Test
    void sameStatusKeepsTransitionTimeButUpdatesProbeTimeReasonAndMessage() {
        List<SignatureCondition> first =
                SignatureConditions.apply(List.of(), verdict(VerdictReason.UNTRUSTED_KEY, "by bob"), T1);

        List<SignatureCondition> second =
                SignatureConditions.apply(first, verdict(VerdictReason.INVALID_SIGNATURE, "altered"), T2);

        SignatureCondition trusted = condition(second, ConditionType.TRUSTED);
        assertThat(trusted.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(trusted.lastProbeTime()).isEqualTo(T2);
        assertThat(trusted.lastTransitionTime()).isEqualTo(T1);
        assertThat(trusted.reason()).isEqualTo("InvalidSignature");
        assertThat(trusted.message()).isEqualTo("altered");
    }

    @Test
    void statusChangeMovesTransitionTimeOfThatConditionOnly() {
        List<SignatureCondition> first =
                SignatureConditions.apply(List.of(), verdict(VerdictReason.KEY_EXPIRED, "rotated"), T1);
        List<SignatureCondition> second =
                SignatureConditions.apply(first, verdict(VerdictReason.DIGEST_MISMATCH, "other digest"), T2);
        List<SignatureCondition> third =
                SignatureConditions.apply(second, verdict(VerdictReason.NO_TRUSTED_KEYS, ""), T3);

        assertThat(condition(second, ConditionType.TRUSTED).lastTransitionTime())
                .isEqualTo(T1);
        assertThat(condition(second, ConditionType.FOR_IMAGE).status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(condition(second, ConditionType.FOR_IMAGE).lastTransitionTime())
                .isEqualTo(T2);
        assertThat(condition(third, ConditionType.TRUSTED).lastTransitionTime()).isEqualTo(T3);
        assertThat(condition(third, ConditionType.FOR_IMAGE).lastTransitionTime())
                .isEqualTo(T3);
    }

    @Test
    void keepsConditionsTheVerifierDoesNotOwn() {
        SignatureCondition revoked =
                new SignatureCondition(ConditionType.REVOKED, ConditionStatus.TRUE, T1, T1, "Revoked", "by admin");

        List<SignatureCondition> conditions =
                SignatureConditions.apply(List.of(revoked), verdict(VerdictReason.NO_TRUSTED_KEYS, ""), T2);

        assertThat(conditions)
                .extracting(SignatureCondition::type)
                .containsExactly(ConditionType.TRUSTED, ConditionType.FOR_IMAGE, ConditionType.REVOKED);
        assertThat(conditions.get(2)).isEqualTo(revoked);
    }
}
