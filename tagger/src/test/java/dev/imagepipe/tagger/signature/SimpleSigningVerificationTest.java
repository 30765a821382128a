package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SignatureVerifier} on simple-signing signatures made by the real {@code gpg}. */
class SimpleSigningVerificationTest {

    private static final String ALICE = "Alice Signer <alice@example.com>";
    private static final String BOB = "Bob Signer <bob@example.com>";
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final String OTHER_DIGEST = "sha256:" + "b".repeat(64);
    private static final String IMAGE = "quay.io/ns/app:v1";
    private static final TargetImage TARGET = TargetImage.of(DIGEST, IMAGE);
    private static final Instant AT = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    static Path dir;

    private static Gpg gpg;
    private static String aliceKey;
    private static String bobKey;

    @BeforeAll
    static void generateKeys() throws IOException {
        gpg = Gpg.in(dir);
        gpg.generateKey(ALICE, "ed25519");
        gpg.generateKey(BOB, "rsa2048");
        aliceKey = gpg.exportPublicKey(ALICE);
        bobKey = gpg.exportPublicKey(BOB);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (gpg != null) {
            gpg.close();
        }
    }

    private static SignedContent signed(String userId, String digest, String reference) {
        return new SignedContent.SimpleSigning(gpg.sign(userId, Payloads.simpleSigning(digest, reference)));
    }

    private static SignatureVerdict verify(SignedContent signature, TrustedKey... keys) {
        return new SignatureVerifier(new TrustPolicy(List.of(keys))).verify(signature, TARGET, AT);
    }

    private static TrustedKey alice(String... scopes) {
        return TrustedKey.of("alice-key", KeyType.SIMPLE_SIGNING_GPG, aliceKey, scopes);
    }

    private static TrustedKey bob(String... scopes) {
        return TrustedKey.of("bob-key", KeyType.SIMPLE_SIGNING_GPG, bobKey, scopes);
    }

    @Test
    void trustsCompressedSignatureByKeyInForceAndReportsWhoSigned() {
        SignatureVerdict verdict = verify(signed(ALICE, DIGEST, IMAGE), alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.VERIFIED);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.TRUE);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.TRUE);
        assertThat(verdict.imageIdentity()).contains(IMAGE);
        assertThat(verdict.signedClaims())
                .containsEntry(SignatureVerdict.CLAIM_DIGEST, DIGEST)
                .containsEntry(SignatureVerdict.CLAIM_REFERENCE, IMAGE)
                .containsEntry(SignatureVerdict.CLAIM_TYPE, "atomic container signature")
                .containsEntry(SignatureVerdict.CLAIM_CREATOR, "imagepipe-test")
                .containsEntry(SignatureVerdict.CLAIM_TIMESTAMP, Long.toString(Payloads.TIMESTAMP));
        assertThat(verdict.issuedBy()).contains(new Issuer(Optional.empty(), Optional.of("alice-key")));
        assertThat(verdict.issuedTo())
                .contains(new Subject(Optional.empty(), Optional.of(ALICE), "0x" + gpg.longKeyId(ALICE)));
    }

    @Test
    void trustsUncompressedRsaSignature() {
        SignedContent signature =
                new SignedContent.SimpleSigning(gpg.signUncompressed(BOB, Payloads.simpleSigning(DIGEST, IMAGE)));

        SignatureVerdict verdict = verify(signature, alice("quay.io"), bob("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.VERIFIED);
        assertThat(verdict.issuedBy().flatMap(Issuer::commonName)).contains("bob-key");
    }

    @Test
    void rejectsTamperedPayloadAsInvalidSignature() {
        byte[] message = gpg.signUncompressed(ALICE, Payloads.simpleSigning(OTHER_DIGEST, IMAGE));
        byte[] tampered = replace(message, OTHER_DIGEST, DIGEST);

        SignatureVerdict verdict = verify(new SignedContent.SimpleSigning(tampered), alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.INVALID_SIGNATURE);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(verdict.claims()).isEmpty();
        assertThat(verdict.message()).contains("altered");
    }

    @Test
    void rejectsSignatureOfAnotherDigest() {
        SignatureVerdict verdict = verify(signed(ALICE, OTHER_DIGEST, IMAGE), alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.DIGEST_MISMATCH);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.message()).contains(OTHER_DIGEST, DIGEST);
        assertThat(verdict.signedClaims()).containsEntry(SignatureVerdict.CLAIM_DIGEST, OTHER_DIGEST);
    }

    @Test
    void rejectsSignatureOfAnotherTagUnderDefaultRule() {
        SignatureVerdict verdict = verify(signed(ALICE, DIGEST, "quay.io/ns/app:v2"), alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.IDENTITY_MISMATCH);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.message()).contains("quay.io/ns/app:v2", IMAGE);
    }

    @Test
    void acceptsAnotherTagOfTheRepositoryUnderMatchRepository() {
        TrustedKey key = alice("quay.io").withIdentity(new IdentityRule.MatchRepository());

        SignatureVerdict verdict = verify(signed(ALICE, DIGEST, "quay.io/ns/app:v2"), key);

        assertThat(verdict.reason()).isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void acceptsMirroredImageUnderRemapIdentity() {
        TrustedKey key = alice("mirror.example.com")
                .withIdentity(new IdentityRule.RemapIdentity("mirror.example.com/ns", "quay.io/ns"));
        TargetImage mirrored = TargetImage.of(DIGEST, "mirror.example.com/ns/app:v1");

        SignatureVerdict verdict =
                new SignatureVerifier(new TrustPolicy(List.of(key))).verify(signed(ALICE, DIGEST, IMAGE), mirrored, AT);

        assertThat(verdict.reason()).isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void rejectsSignatureByUnconfiguredKeyAsUntrusted() {
        SignatureVerdict verdict = verify(signed(BOB, DIGEST, IMAGE), alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.UNTRUSTED_KEY);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.message()).contains("0x" + gpg.longKeyId(BOB));
        assertThat(verdict.issuedBy()).isEmpty();
    }

    @Test
    void rejectsSignatureByKeyTrustedOnlyInAnotherScope() {
        SignatureVerdict verdict = verify(signed(BOB, DIGEST, IMAGE), alice("quay.io"), bob("registry.example.com"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.UNTRUSTED_KEY);
        assertThat(verdict.message()).contains("bob-key", "registry.example.com", "alice-key");
    }

    @Test
    void mostSpecificScopeDecidesWhichKeysAreInForce() {
        TrustedKey registryWide = alice("quay.io");
        TrustedKey namespace = bob("quay.io/ns");
        SignatureVerifier verifier = new SignatureVerifier(new TrustPolicy(List.of(registryWide, namespace)));
        SignedContent byAlice = signed(ALICE, DIGEST, IMAGE);

        assertThat(verifier.verify(byAlice, TARGET, AT).reason()).isEqualTo(VerdictReason.UNTRUSTED_KEY);
        assertThat(verifier.verify(signed(BOB, DIGEST, IMAGE), TARGET, AT).reason())
                .isEqualTo(VerdictReason.VERIFIED);
        SignedContent otherNamespace = signed(ALICE, DIGEST, "quay.io/other/app:v1");
        assertThat(verifier.verify(otherNamespace, TargetImage.of(DIGEST, "quay.io/other/app:v1"), AT)
                        .reason())
                .isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void rejectsSignatureByRotatedOutKeyButTrustedItBeforeRotation() {
        Instant rotation = AT.minusSeconds(1);
        TrustedKey rotated = alice("quay.io").withValidity(new KeyValidity(Optional.empty(), Optional.of(rotation)));
        SignatureVerifier verifier = new SignatureVerifier(new TrustPolicy(List.of(rotated)));
        SignedContent signature = signed(ALICE, DIGEST, IMAGE);

        SignatureVerdict after = verifier.verify(signature, TARGET, AT);
        SignatureVerdict before = verifier.verify(signature, TARGET, rotation.minusSeconds(1));

        assertThat(after.reason()).isEqualTo(VerdictReason.KEY_EXPIRED);
        assertThat(after.trusted()).isEqualTo(ConditionStatus.FALSE);
        assertThat(after.claims()).isEmpty();
        assertThat(after.issuedBy().flatMap(Issuer::commonName)).contains("alice-key");
        assertThat(before.reason()).isEqualTo(VerdictReason.VERIFIED);
    }

    @Test
    void rejectsSignatureByKeyNotYetValid() {
        TrustedKey future =
                alice("quay.io").withValidity(new KeyValidity(Optional.of(AT.plusSeconds(60)), Optional.empty()));

        assertThat(verify(signed(ALICE, DIGEST, IMAGE), future).reason()).isEqualTo(VerdictReason.KEY_NOT_YET_VALID);
    }

    @Test
    void isUnknownWhenNoKeyCoversTheImage() {
        SignatureVerdict verdict = verify(signed(ALICE, DIGEST, IMAGE), alice("registry.example.com"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.NO_TRUSTED_KEYS);
        assertThat(verdict.trusted()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(verdict.forImage()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(verdict.claims()).isEmpty();
        assertThat(verdict.issuedTo()).isEmpty();
    }

    @Test
    void rejectsContentThatIsNotAnOpenPgpMessage() {
        SignedContent garbage = new SignedContent.SimpleSigning(Payloads.simpleSigning(DIGEST, IMAGE));

        assertThat(verify(garbage, alice("quay.io")).reason()).isEqualTo(VerdictReason.MALFORMED_SIGNATURE);
    }

    @Test
    void rejectsVerifiedPayloadWithUnknownCriticalField() {
        String json = new String(Payloads.simpleSigning(DIGEST, IMAGE), StandardCharsets.UTF_8)
                .replace("\"critical\":{", "\"critical\":{\"extra\":1,");
        SignedContent signature =
                new SignedContent.SimpleSigning(gpg.sign(ALICE, json.getBytes(StandardCharsets.UTF_8)));

        SignatureVerdict verdict = verify(signature, alice("quay.io"));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.INVALID_PAYLOAD);
        assertThat(verdict.claims()).isEmpty();
    }

    private static byte[] replace(byte[] message, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= message.length; i++) {
            if (Arrays.equals(message, i, i + needle.length, needle, 0, needle.length)) {
                byte[] out = message.clone();
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, i, needle.length);
                return out;
            }
        }
        throw new AssertionError("payload not found in the uncompressed message");
    }
}
