package dev.imagepipe.importer.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void computesSha256AsAlgorithmColonLowerHex() {
        assertThat(Digest.sha256(HELLO).toString())
                .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void computesSha512() {
        Digest digest = Digest.of(Digest.SHA512, HELLO);

        assertThat(digest.algorithm()).isEqualTo("sha512");
        assertThat(digest.hex()).hasSize(128).startsWith("9b71d224bd62f378");
    }

    @Test
    void parseRoundTripsBothAlgorithms() {
        Digest sha256 = Digest.sha256(HELLO);
        Digest sha512 = Digest.of(Digest.SHA512, HELLO);

        assertThat(Digest.parse(sha256.toString())).isEqualTo(sha256);
        assertThat(Digest.parse(sha512.toString())).isEqualTo(sha512);
    }

    @Test
    void recomputeUsesTheDigestsOwnAlgorithm() {
        Digest sha512 = Digest.of(Digest.SHA512, HELLO);

        assertThat(sha512.recompute(HELLO)).isEqualTo(sha512);
    }

    @Test
    void rejectsUnsupportedAlgorithmWrongLengthUpperCaseAndMissingColon() {
        assertThatThrownBy(() -> Digest.parse("md5:" + "a".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported digest algorithm: md5");
        assertThatThrownBy(() -> Digest.parse("sha256:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid sha256 digest: sha256:abc");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse("sha512:" + "a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.parse("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
