package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.signature.CosignSignatures;
import dev.imagepipe.importer.signature.DiscoveredSignature;
import dev.imagepipe.importer.signature.SignatureSource;
import dev.imagepipe.importer.signature.SignatureType;
import dev.imagepipe.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SignatureVerifier} on cosign signatures: ECDSA P-256 over the payload, base64 as cosign stores it. */
class CosignVerificationTest {

    private static final String DIGEST = "sha256:" + "c".repeat(64);
    private static final String OTHER_DIGEST = "sha256:" + "d".repeat(64);
    private static final String IMAGE = "ghcr.io/org/tool:1.0";
    private static final TargetImage TARGET = TargetImage.of(DIGEST, IMAGE);
    private static final Instant AT = Instant.parse("2025-06-01T00:00:00Z");

    private static final CosignKey SIGNER = CosignKey.generate();
    private static final CosignKey OTHER = CosignKey.generate();

    private static TrustedKey key(String name, CosignKey key, String... scopes) {
        return TrustedKey.of(name, KeyType.COSIGN_ECDSA, key.publicKeyPem(), scopes);
    }

    private static SignedContent signed(CosignKey key, byte[] payload) {
        return new SignedContent.Cosign(payload, key.sign(payload));
    }

    private static SignatureVerdict verify(SignedContent signature, TrustedKey... keys) {
        return new SignatureVerifier(new TrustPolicy(List.of(keys))).verify(signature, TARGET, AT);
    }

    @Test
    void trustsSignatureByKeyInForce() {
        SignatureVerdict verdict =
                verify(signed(SIGNER, Payloads.cosign(DIGEST, IMAGE)), key("release", SIGNER, "ghcr.io/org"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.VERIFIED);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.TRUE);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.TRUE);
        assertThat(verdict.imageIdentity()).contains(IMAGE);
        assertThat(verdict.signedClaims())
                .containsEntry(SignatureVerdict.CLAIM_TYPE, "cosign container image signature")
                .doesNotContainKey(SignatureVerdict.CLAIM_TIMESTAMP);
        assertThat(verdict.issuedBy().flatMap(Issuer::commonName)).contains("release");
        assertThat(verdict.issuedTo()).contains(new Subject(Optional.empty(), Optional.empty(), SIGNER.keyId()));
    }

    @Test
    void verifiesSignatureDiscoveredByTheImporter() {
        byte[] payload = Payloads.cosign(DIGEST, IMAGE);
        String signature = SIGNER.sign(payload);
        DiscoveredSignature discovered = new DiscoveredSignature(
                DiscoveredSignature.name(DIGEST, Base64.getDecoder().decode(signature)),
                SignatureType.COSIGN,
                payload,
                Optional.empty(),
                Map.of(CosignSignatures.SIGNATURE_ANNOTATION, signature),
                SignatureSource.COSIGN_TAG);

        assertThat(verify(SignedContent.of(discovered), key("release", SIGNER, "ghcr.io"))
                        .reason())
                .isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void trustsSignatureMadeByOpenssl(@TempDir Path dir) throws Exception {
        Path openssl = Prerequisites.requireExecutable("openssl", "apt-get install openssl");
        Path privateKey = dir.resolve("cosign.key");
        Path publicKey = dir.resolve("cosign.pub");
        Path payload = Files.write(dir.resolve("payload.json"), Payloads.cosign(DIGEST, IMAGE));
        Path signature = dir.resolve("payload.sig");
        run(openssl, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", privateKey.toString());
        run(openssl, "ec", "-in", privateKey.toString(), "-pubout", "-out", publicKey.toString());
        run(
                openssl,
                "dgst",
                "-sha256",
                "-sign",
                privateKey.toString(),
                "-out",
                signature.toString(),
                payload.toString());
        TrustedKey trusted = TrustedKey.of("openssl", KeyType.COSIGN_ECDSA, Files.readString(publicKey), "ghcr.io");
        SignedContent content = new SignedContent.Cosign(
                Files.readAllBytes(payload), Base64.getEncoder().encodeToString(Files.readAllBytes(signature)));

        assertThat(verify(content, trusted).reason()).isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void rejectsTamperedPayloadAsInvalidSignature() {
        byte[] payload = Payloads.cosign(OTHER_DIGEST, IMAGE);
        String signature = SIGNER.sign(payload);
        byte[] tampered = new String(payload, StandardCharsets.UTF_8)
                .replace(OTHER_DIGEST, DIGEST)
                .getBytes(StandardCharsets.UTF_8);

        SignatureVerdict verdict =
                verify(new SignedContent.Cosign(tampered, signature), key("release", SIGNER, "ghcr.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.INVALID_SIGNATURE);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.claims()).isEmpty();
    }

    @Test
    void rejectsSignatureOfAnotherDigest() {
        SignatureVerdict verdict =
                verify(signed(SIGNER, Payloads.cosign(OTHER_DIGEST, IMAGE)), key("release", SIGNER, "ghcr.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.DIGEST_MISMATCH);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.FALSE);
    }

    @Test
    void rejectsSignatureOfAnotherRepositoryEvenUnderMatchRepository() {
        TrustedKey key = key("release", SIGNER, "ghcr.io").withIdentity(new IdentityRule.MatchRepository());

        SignatureVerdict verdict = verify(signed(SIGNER, Payloads.cosign(DIGEST, "ghcr.io/org/other:1.0")), key);

        assertThat(verdict.reason()).isEqualTo(VerdictReason.IDENTITY_MISMATCH);
    }

    @Test
    void rejectsSignatureOfSameTagElsewhereUnderMatchExact() {
        TrustedKey key = key("release", SIGNER, "ghcr.io").withIdentity(new IdentityRule.MatchExact());

        SignatureVerdict verdict = verify(signed(SIGNER, Payloads.cosign(DIGEST, "ghcr.io/org/tool:1.1")), key);

        assertThat(verdict.reason()).isEqualTo(VerdictReason.IDENTITY_MISMATCH);
    }

    @Test
    void rejectsSignatureByKeyTrustedOnlyForAnotherRepository() {
        SignatureVerdict verdict = verify(
                signed(OTHER, Payloads.cosign(DIGEST, IMAGE)),
                key("release", SIGNER, "ghcr.io/org"),
                key("other", OTHER, "ghcr.io/org/another"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.UNTRUSTED_KEY);
        assertThat(verdict.message()).contains("other", OTHER.keyId());
    }

    @Test
    void rejectsSignatureByUnconfiguredKeyAsInvalidSinceCosignNamesNoKey() {
        SignatureVerdict verdict =
                verify(signed(OTHER, Payloads.cosign(DIGEST, IMAGE)), key("release", SIGNER, "ghcr.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.INVALID_SIGNATURE);
    }

    @Test
    void rejectsSignatureByRotatedOutKey() {
        TrustedKey rotated = key("release", SIGNER, "ghcr.io")
                .withValidity(new KeyValidity(Optional.of(AT.minusSeconds(7200)), Optional.of(AT.minusSeconds(3600))));

        SignatureVerdict verdict = verify(signed(SIGNER, Payloads.cosign(DIGEST, IMAGE)), rotated);

        assertThat(verdict.reason()).isEqualTo(VerdictReason.KEY_EXPIRED);
        assertThat(verdict.message()).contains("rotated out");
    }

    @Test
    void rejectsUndecodableSignatureAsMalformed() {
        SignedContent content = new SignedContent.Cosign(Payloads.cosign(DIGEST, IMAGE), "not base64!");

        assertThat(verify(content, key("release", SIGNER, "ghcr.io")).reason())
                .isEqualTo(VerdictReason.MALFORMED_SIGNATURE);
    }

    @Test
    void rejectsSimpleSigningTypeInCosignPayload() {
        SignatureVerdict verdict =
                verify(signed(SIGNER, Payloads.simpleSigning(DIGEST, IMAGE)), key("release", SIGNER, "ghcr.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.INVALID_PAYLOAD);
    }

    private static void run(Path executable, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + command + "\n" + output);
        }
    }
}
