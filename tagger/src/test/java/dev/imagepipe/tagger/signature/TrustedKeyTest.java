package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedKeyTest {

    @Test
    void rejectsPemThatIsNotAPublicKey() {
        assertThatThrownBy(() -> TrustedKey.of(
                        "bad",
                        KeyType.COSIGN_ECDSA,
                        "-----BEGIN PUBLIC KEY-----\nAAAA\n" + "-----END PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
    }

    @Test
    void rejectsOpenPgpKeyGivenAsCosignKeyAndViceVersa() {
        String pem = CosignKey.generate().publicKeyPem();

        assertThatThrownBy(() -> TrustedKey.of("pem-as-gpg", KeyType.SIMPLE_SIGNING_GPG, pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pem-as-gpg");
        assertThatThrownBy(() -> TrustedKey.of("text", KeyType.COSIGN_ECDSA, "not a key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidScope() {
        String pem = CosignKey.generate().publicKeyPem();

        assertThatThrownBy(() -> TrustedKey.of("k", KeyType.COSIGN_ECDSA, pem, "**.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
