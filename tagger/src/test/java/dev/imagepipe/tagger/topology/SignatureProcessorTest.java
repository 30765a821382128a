package dev.imagepipe.tagger.topology;

import static dev.imagepipe.tagger.topology.TaggerDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature verdicts through the topology: images and policy in, {@code signatures} out (A14, decision 7). */
class SignatureProcessorTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String REFERENCE = "docker.io/library/busybox@" + DIGEST;
    private static final String SIGNED_IDENTITY = "docker.io/library/busybox:1.36";
    private static final String SCOPE = "docker.io/library";
    private static final Instant T1 = START.plusSeconds(60);
    private static final Instant T2 = START.plusSeconds(120);

    private static SchemaRegistryServer schemaRegistry;

    @TempDir
    Path stateDir;

    private TaggerDriver tagger;

    @BeforeAll
    static void startSchemaRegistry() {
        schemaRegistry = SchemaRegistryServer.start(SchemaRegistryConfig.inMemory(0));
    }

    @AfterAll
    static void stopSchemaRegistry() {
        schemaRegistry.close();
    }

    @AfterEach
    void close() {
        if (tagger != null) {
            tagger.close();
        }
    }

    private TaggerDriver start() {
        tagger = new TaggerDriver(schemaRegistry.url(), stateDir, TaggerDriver.settings());
        return tagger;
    }

    // --- cosign signatures made with the JDK (ECDSA P-256 over SHA-256, DER, base64), as cosign makes them ---

    private record CosignKey(KeyPair pair) {
        static CosignKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return new CosignKey(generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String pem() {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }

        String sign(byte[] payload) {
            try {
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(pair.getPrivate());
                signer.update(payload);
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code 0x} and the low 64 bits of SHA-256 over the DER public key, computed here independently. */
        String keyId() throws GeneralSecurityException {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            return "0x" + HexFormat.of().formatHex(Arrays.copyOfRange(sha, 24, 32));
        }

        TrustedKey trusted(String name) {
            return TrustedKey.newBuilder()
                    .setName(name)
                    .setKeyType(TrustedKeyType.CosignECDSA)
                    .setPublicKey(pem())
                    .setScopes(List.of(SCOPE))
                    .build();
        }
    }

    private static byte[] payload(String digest, String identity) {
        return ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + identity
                        + "\"},\"image\":{\"docker-manifest-digest\":\"" + digest
                        + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ImageSignature cosign(byte[] payload, String base64Signature) {
        String name = DIGEST + "@"
                + HexFormat.of().formatHex(sha256(Base64.getDecoder().decode(base64Signature)));
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(name)
                        .setAnnotations(Map.of("dev.cosignproject.cosign/signature", base64Signature))
                        .build())
                .setType("CosignSignatureV1")
                .setContent(ByteBuffer.wrap(payload))
                .build();
    }

    private static ImageSignature signedBy(CosignKey key) {
        byte[] payload = payload(DIGEST, SIGNED_IDENTITY);
        return cosign(payload, key.sign(payload));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Image image(ImageSignature... signatures) {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(DIGEST).build())
                .setDockerImageReference(REFERENCE)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .setSignatures(List.of(signatures))
                .build();
    }

    private static ImportPolicy policy(TrustedKey... keys) {
        return ImportPolicy.newBuilder()
                .setName("cluster")
                .setTrustedKeys(List.of(keys))
                .build();
    }

    private static SignatureCondition condition(ImageSignature signature, String type) {
        return signature.getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void validCosignSignatureByATrustedKeyIsTrustedForItsImage() throws GeneralSecurityException {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        ImageSignature signature = signedBy(key);

        tagger.sendImage(image(signature), T1);

        KeyValue<String, ImageSignature> record = tagger.signatures.readKeyValue();
        assertThat(record.key).isEqualTo(signature.getMetadata().getName()).startsWith(DIGEST + "@");
        ImageSignature verdict = record.value;
        SignatureCondition trusted = condition(verdict, "Trusted");
        assertThat(trusted.getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(trusted.getReason()).isEqualTo("Verified");
        assertThat(trusted.getLastProbeTime()).isEqualTo(T1);
        assertThat(trusted.getLastTransitionTime()).isEqualTo(T1);
        assertThat(condition(verdict, "ForImage").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(verdict.getIssuedBy().getCommonName()).isEqualTo("release");
        assertThat(verdict.getIssuedTo().getPublicKeyID()).isEqualTo(key.keyId());
        assertThat(verdict.getImageIdentity()).isEqualTo(SIGNED_IDENTITY);
        assertThat(verdict.getSignedClaims()).containsEntry("docker-manifest-digest", DIGEST);
        assertThat(verdict.getContent()).isEqualTo(signature.getContent());
    }

    @Test
    void tamperedPayloadIsNotTrustedAndSaysWhy() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        byte[] payload = payload(DIGEST, SIGNED_IDENTITY);
        String signature = key.sign(payload);
        byte[] tampered = payload(DIGEST, "docker.io/library/busybox:evil");

        tagger.sendImage(image(cosign(tampered, signature)), T1);

        ImageSignature verdict = tagger.signatures.readValue();
        SignatureCondition trusted = condition(verdict, "Trusted");
        assertThat(trusted.getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(trusted.getReason()).isEqualTo("InvalidSignature");
        assertThat(trusted.getMessage()).contains("verifies with none");
        assertThat(condition(verdict, "ForImage").getStatus()).isEqualTo(ConditionStatus.Unknown);
        assertThat(verdict.getIssuedBy()).isNull();
        assertThat(verdict.getImageIdentity()).isNull();
    }

    @Test
    void signatureForAnotherDigestIsTrustedButNotForThisImage() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        byte[] payload = payload("sha256:" + "cd".repeat(32), SIGNED_IDENTITY);

        tagger.sendImage(image(cosign(payload, key.sign(payload))), T1);

        ImageSignature verdict = tagger.signatures.readValue();
        assertThat(condition(verdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(condition(verdict, "Trusted").getReason()).isEqualTo("DigestMismatch");
        assertThat(condition(verdict, "ForImage").getStatus()).isEqualTo(ConditionStatus.False);
    }

    @Test
    void sameImageSeenAgainWritesNothing() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        Image image = image(signedBy(key));
        tagger.sendImage(image, T1);
        tagger.signatures.readValue();

        tagger.sendImage(image, T2);

        assertThat(tagger.signatures.isEmpty()).isTrue();
    }

    @Test
    void noKeyForTheImagesScopeLeavesTheVerdictUnknown() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(
                        policy(TrustedKey.newBuilder(key.trusted("elsewhere"))
                                .setScopes(List.of("quay.io"))
                                .build()),
                        START);

        tagger.sendImage(image(signedBy(key)), T1);

        ImageSignature verdict = tagger.signatures.readValue();
        assertThat(condition(verdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.Unknown);
        assertThat(condition(verdict, "Trusted").getReason()).isEqualTo("NoTrustedKeys");
        assertThat(verdict.getIssuedTo()).isNull();
    }

    @Test
    void keyOfUnknownTypeIsDroppedSoNothingVouches() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(
                        policy(TrustedKey.newBuilder(key.trusted("future"))
                                .setKeyType(TrustedKeyType.Unknown)
                                .build()),
                        START);

        tagger.sendImage(image(signedBy(key)), T1);

        assertThat(condition(tagger.signatures.readValue(), "Trusted").getReason())
                .isEqualTo("NoTrustedKeys");
    }

    @Test
    void signatureOfATypeTheTaggerDoesNotKnowIsMalformed() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        ImageSignature odd =
                ImageSignature.newBuilder(signedBy(key)).setType("SomethingV9").build();

        tagger.sendImage(image(odd), T1);

        SignatureCondition trusted = condition(tagger.signatures.readValue(), "Trusted");
        assertThat(trusted.getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(trusted.getReason()).isEqualTo("MalformedSignature");
    }

    @Test
    void rotatingKeysThroughThePolicyTopicFlipsVerdictsAndWritesOnlyThose() {
        CosignKey old = CosignKey.generate();
        CosignKey next = CosignKey.generate();
        start().publishPolicy(policy(old.trusted("old")), START);
        ImageSignature byOld = signedBy(old);
        ImageSignature byNext = signedBy(next);
        tagger.sendImage(image(byOld, byNext), T1);
        assertThat(tagger.signatures.readValuesToList())
                .extracting(s -> condition(s, "Trusted").getStatus())
                .containsExactly(ConditionStatus.True, ConditionStatus.False);

        Instant rotated = T2;
        TrustedKey retired = TrustedKey.newBuilder(old.trusted("old"))
                .setValidUntil(rotated.minusSeconds(1))
                .build();
        tagger.publishPolicy(policy(retired, next.trusted("next")), rotated);
        tagger.advance(TaggerTopology.Settings.DEFAULT_PUNCTUATION_INTERVAL);

        List<TestRecord<String, ImageSignature>> updates = tagger.signatures.readRecordsToList();
        assertThat(updates)
                .extracting(TestRecord::key)
                .containsExactly(
                        byOld.getMetadata().getName(), byNext.getMetadata().getName());
        ImageSignature oldVerdict = updates.get(0).value();
        assertThat(condition(oldVerdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(condition(oldVerdict, "Trusted").getReason()).isEqualTo("KeyExpired");
        assertThat(condition(oldVerdict, "Trusted").getLastTransitionTime()).isEqualTo(rotated);
        assertThat(condition(oldVerdict, "Trusted").getLastProbeTime()).isEqualTo(rotated);
        ImageSignature nextVerdict = updates.get(1).value();
        assertThat(condition(nextVerdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(nextVerdict.getIssuedBy().getCommonName()).isEqualTo("next");

        tagger.advance(Duration.ofMinutes(1));
        assertThat(tagger.signatures.isEmpty()).isTrue();
    }

    @Test
    void conditionsKeepTheirTransitionTimeWhileOnlyTheMessageChanges() {
        CosignKey old = CosignKey.generate();
        CosignKey other = CosignKey.generate();
        start().publishPolicy(policy(old.trusted("old")), START);
        byte[] payload = payload(DIGEST, SIGNED_IDENTITY);
        tagger.sendImage(image(cosign(payload, other.sign(payload))), T1);
        assertThat(condition(tagger.signatures.readValue(), "Trusted").getLastTransitionTime())
                .isEqualTo(T1);

        // Another key in force changes the message ("none of the 2 configured keys"), not the status.
        tagger.publishPolicy(policy(old.trusted("old"), CosignKey.generate().trusted("third")), T2);
        tagger.advance(TaggerTopology.Settings.DEFAULT_PUNCTUATION_INTERVAL);

        SignatureCondition trusted = condition(tagger.signatures.readValue(), "Trusted");
        assertThat(trusted.getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(trusted.getLastProbeTime()).isEqualTo(T2);
        assertThat(trusted.getLastTransitionTime()).isEqualTo(T1);
    }

    @Test
    void signatureThatDisappearsFromTheImageGetsATombstone() {
        CosignKey key = CosignKey.generate();
        start().publishPolicy(policy(key.trusted("release")), START);
        ImageSignature kept = signedBy(key);
        ImageSignature dropped = signedBy(CosignKey.generate());
        tagger.sendImage(image(kept, dropped), T1);
        tagger.signatures.readRecordsToList();

        tagger.sendImage(image(kept), T2);

        List<TestRecord<String, ImageSignature>> records = tagger.signatures.readRecordsToList();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().key()).isEqualTo(dropped.getMetadata().getName());
        assertThat(records.getFirst().value()).isNull();
    }

    @Test
    void undecodableImageGoesToTheDeadLetterTopic() {
        start().sendRaw(tagger.topics.images(), DIGEST, "garbage".getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = tagger.deadLetters.readValue();
        assertThat(letter.getSourceTopic()).isEqualTo(tagger.topics.images().name());
        assertThat(letter.getKey().array()).isEqualTo(DIGEST.getBytes(StandardCharsets.UTF_8));
        assertThat(tagger.signatures.isEmpty()).isTrue();
    }
}
