package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureVerdictTest {

    @Test
    void unknownVerdictCannotCarryIssuerOrSubject() {
        assertThatThrownBy(() -> new SignatureVerdict(
                        VerdictReason.NO_TRUSTED_KEYS,
                        "",
                        Optional.empty(),
                        Optional.of(new Issuer(Optional.empty(), Optional.of("k"))),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesFollowTheReason() {
        SignatureVerdict verdict = SignatureVerdict.bare(VerdictReason.IDENTITY_MISMATCH, "x");

        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.signedClaims()).isEmpty();
        assertThat(verdict.imageIdentity()).isEmpty();
    }
}
