package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.registry.manifest.Digest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureNamingTest {

    private static final String IMAGE = "sha256:" + "cd".repeat(32);

    @Test
    void nameIsImageDigestAtHexSha256OfTheBlob() {
        byte[] blob = "abc".getBytes(StandardCharsets.UTF_8);

        assertThat(DiscoveredSignature.name(IMAGE, blob))
                .isEqualTo(IMAGE + "@ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void simpleSigningSignaturesAreNamedAfterTheirContentAndTyped() {
        byte[] message = SignatureOpenPgpTest.zlibMessage(SignatureOpenPgpTest.literal(SignatureOpenPgpTest.PAYLOAD));

        DiscoveredSignature signature = DiscoveredSignature.simpleSigning(IMAGE, message, SignatureSource.LOOKASIDE);

        assertThat(signature.name())
                .isEqualTo(IMAGE + "@" + Digest.sha256(message).hex());
        assertThat(signature.type().wireName()).isEqualTo("AtomicImageV1");
        assertThat(signature.content()).isEqualTo(message);
        assertThat(signature.payload()).isPresent();
        assertThat(signature.annotations()).isEmpty();
        assertThat(signature.cosignSignature()).isEmpty();
    }

    @Test
    void cosignSignaturesOfOnePayloadByTwoKeysGetDistinctNames() {
        assertThat(DiscoveredSignature.name(IMAGE, new byte[] {1}))
                .isNotEqualTo(DiscoveredSignature.name(IMAGE, new byte[] {2}));
        assertThat(CosignSignatures.signatureTag(Digest.parse(IMAGE))).isEqualTo("sha256-" + "cd".repeat(32) + ".sig");
    }
}
