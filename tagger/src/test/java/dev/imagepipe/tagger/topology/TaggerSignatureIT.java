package dev.imagepipe.tagger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.ImporterApplication;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.SignatureStore;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.tagger.signature.CosignKey;
import dev.imagepipe.tagger.signature.Gpg;
import dev.imagepipe.tagger.signature.Payloads;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signature verdicts end to end, with signatures made by real tools: the real importer imports images from a real
 * registry and finds their signatures — OpenPGP simple-signing signatures made by {@code gpg} over the canonical
 * payload, served from a lookaside store, and cosign-format ECDSA P-256 signatures pushed to the {@code .sig} tag —
 * and the tagger, on Kafka with exactly-once, verifies them against trusted keys published on {@code policy}.
 *
 * <p>Each case is one image with one signature: valid, or broken one way (tampered payload, another image's digest,
 * another repository's identity, a key not trusted here, a key rotated out before the image was seen). Keys of the
 * rotation case have their own, more specific scope, so rotating them changes no other case's verdict.
 */
@KafkaCluster
@ContainerRegistry
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TaggerSignatureIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Long before any verification: a key whose validity ended then is rotated out for every image here. */
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private static final List<String> CASES =
            List.of("valid", "tampered", "wrong-digest", "wrong-identity", "untrusted", "rotated-out");

    private static final String RELEASE = "release@imagepipe.test";
    private static final String STRANGER = "stranger@imagepipe.test";
    private static final String RETIRED = "retired@imagepipe.test";
    private static final String OLD = "old@imagepipe.test";

    @TempDir
    static Path dir;

    private static Gpg gpg;
    private static SignedImages signed;
    private static TopicIo io;
    private static Topics topics;
    private static ImporterApplication importer;
    private static KafkaStreams tagger;

    private static String registryHost;
    private static String run;
    private static final Map<String, PushedImage> gpgImages = new HashMap<>();
    private static final Map<String, PushedImage> cosignImages = new HashMap<>();
    private static PushedImage rotationImage;
    private static final Map<String, CosignKey> cosignKeys = new HashMap<>();
    /** The latest verdict per signature ({@code digest@name}) once every case has one. */
    private static Map<String, ImageSignature> verdicts;

    @BeforeAll
    static void start(KafkaEnvironment kafka, RegistryEndpoint registry) throws Exception {
        gpg = Gpg.in(dir); // skips loudly, or fails on CI, without gpg
        for (String user : List.of(RELEASE, STRANGER, RETIRED, OLD)) {
            gpg.generateKey(user, "ed25519");
        }
        for (String name : List.of("release", "stranger", "retired", "next")) {
            cosignKeys.put(name, CosignKey.generate());
        }
        registryHost = registry.hostPort();
        run = "sigit-" + UUID.randomUUID().toString().substring(0, 8);
        signed = new SignedImages(registry, Files.createDirectory(dir.resolve("lookaside")));
        pushGpgCases();
        pushCosignCases();
        pushRotationCase();

        topics = Topics.create(
                kafka.topicPrefix(), Topics.DEFAULT_PARTITIONS, TaggerStreams.serdes(kafka.schemaRegistryUrl()));
        io = new TopicIo(kafka.bootstrapServers());
        io.ensure(topics);
        publish(policy(List.of(gpgKey("rotation-old", OLD, rotationScope()))));
        tagger = TaggerStreams.create(
                topics,
                TaggerStreams.serdes(kafka.schemaRegistryUrl()),
                TaggerStreams.properties(
                        kafka.bootstrapServers(),
                        kafka.schemaRegistryUrl(),
                        kafka.topicPrefix() + "tagger",
                        Files.createDirectory(dir.resolve("tagger-state")),
                        topics));
        tagger.start();
        importer = ImporterApplication.start(ImporterConfigLoader.load(
                importerFlags(kafka, Files.createDirectory(dir.resolve("importer-state"))), Map.of()));

        submit("gpg", CASES);
        submit("cosign", CASES);
        submit("rotation", List.of("v1"));
        List<String> digests = Stream.of(gpgImages.values(), cosignImages.values(), List.of(rotationImage))
                .flatMap(images -> images.stream().map(PushedImage::digest))
                .toList();
        verdicts = TopicIo.latest(io.awaitRecords(
                topics.signatures(), WAIT, records -> digests.stream().allMatch(digest -> records.stream()
                        .anyMatch(record -> record.key().startsWith(digest + "@")))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (importer != null) {
            importer.close();
        }
        if (tagger != null) {
            tagger.close(Duration.ofSeconds(30));
        }
        if (io != null) {
            io.close();
        }
        if (signed != null) {
            signed.close();
        }
        if (gpg != null) {
            gpg.close();
        }
    }

    // --- the cases ---

    private static void pushGpgCases() {
        for (String tag : CASES) {
            gpgImages.put(tag, signed.push(run + "/gpg", tag));
        }
        String valid = digest(gpgImages, "valid");
        lookaside("valid", gpg.sign(RELEASE, Payloads.simpleSigning(valid, identity("gpg", "valid"))));
        byte[] message = gpg.signUncompressed(
                RELEASE, Payloads.simpleSigning(digest(gpgImages, "tampered"), identity("gpg", "tampered")));
        lookaside("tampered", replace(message, "imagepipe-test", "imagepipe-evil"));
        lookaside("wrong-digest", gpg.sign(RELEASE, Payloads.simpleSigning(valid, identity("gpg", "wrong-digest"))));
        lookaside(
                "wrong-identity",
                gpg.sign(
                        RELEASE, Payloads.simpleSigning(digest(gpgImages, "wrong-identity"), identity("other", "v1"))));
        lookaside("untrusted", gpg.sign(STRANGER, ownPayload(gpgImages, "gpg", "untrusted", true)));
        lookaside("rotated-out", gpg.sign(RETIRED, ownPayload(gpgImages, "gpg", "rotated-out", true)));
    }

    private static void pushCosignCases() {
        for (String tag : CASES) {
            cosignImages.put(tag, signed.push(run + "/cosign", tag));
        }
        String valid = digest(cosignImages, "valid");
        cosign("valid", "release", ownPayload(cosignImages, "cosign", "valid", false));
        byte[] payload = ownPayload(cosignImages, "cosign", "tampered", false);
        signed.pushCosign(
                run + "/cosign",
                digest(cosignImages, "tampered"),
                Payloads.cosign(digest(cosignImages, "tampered"), identity("cosign", "evil")),
                cosignKeys.get("release").sign(payload));
        cosign("wrong-digest", "release", Payloads.cosign(valid, identity("cosign", "wrong-digest")));
        cosign(
                "wrong-identity",
                "release",
                Payloads.cosign(digest(cosignImages, "wrong-identity"), identity("other", "v1")));
        cosign("untrusted", "stranger", ownPayload(cosignImages, "cosign", "untrusted", false));
        cosign("rotated-out", "retired", ownPayload(cosignImages, "cosign", "rotated-out", false));
    }

    /** One image, two signatures: gpg by the rotation's old key, cosign by the key that replaces it. */
    private static void pushRotationCase() {
        rotationImage = signed.push(run + "/rotation", "v1");
        String digest = rotationImage.digest();
        signed.putLookaside(
                run + "/rotation", digest, gpg.sign(OLD, Payloads.simpleSigning(digest, identity("rotation", "v1"))));
        byte[] payload = Payloads.cosign(digest, identity("rotation", "v1"));
        signed.pushCosign(
                run + "/rotation", digest, payload, cosignKeys.get("next").sign(payload));
    }

    /** The trusted keys of the cases, all for the run's namespace; the stranger's only for another repository. */
    private static List<TrustedKey> caseKeys() {
        return List.of(
                gpgKey("gpg-release", RELEASE, caseScope()),
                withValidUntil(gpgKey("gpg-retired", RETIRED, caseScope()), LONG_AGO),
                cosignKey("cosign-release", "release", caseScope()),
                withValidUntil(cosignKey("cosign-retired", "retired", caseScope()), LONG_AGO),
                cosignKey("cosign-stranger", "stranger", registryHost + "/" + run + "/elsewhere"));
    }

    static Stream<Arguments> brokenSignatures() {
        return Stream.of(
                Arguments.of("gpg", "tampered", "InvalidSignature"),
                Arguments.of("gpg", "wrong-digest", "DigestMismatch"),
                Arguments.of("gpg", "wrong-identity", "IdentityMismatch"),
                Arguments.of("gpg", "untrusted", "UntrustedKey"),
                Arguments.of("gpg", "rotated-out", "KeyExpired"),
                Arguments.of("cosign", "tampered", "InvalidSignature"),
                Arguments.of("cosign", "wrong-digest", "DigestMismatch"),
                Arguments.of("cosign", "wrong-identity", "IdentityMismatch"),
                Arguments.of("cosign", "untrusted", "UntrustedKey"),
                Arguments.of("cosign", "rotated-out", "KeyExpired"));
    }

    // --- the tests ---

    @Test
    void gpgSignatureFromTheLookasideStoreIsTrustedForItsImage() {
        ImageSignature verdict = verdictFor(digest(gpgImages, "valid"));

        assertThat(condition(verdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(condition(verdict, "Trusted").getReason()).isEqualTo("Verified");
        assertThat(condition(verdict, "ForImage").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(verdict.getType()).isEqualTo("AtomicImageV1");
        assertThat(verdict.getIssuedBy().getCommonName()).isEqualTo("gpg-release");
        assertThat(verdict.getIssuedTo().getPublicKeyID()).isEqualTo("0x" + gpg.longKeyId(RELEASE));
        assertThat(verdict.getImageIdentity()).isEqualTo(identity("gpg", "valid"));
    }

    @Test
    void cosignSignatureFromTheSigTagIsTrustedForItsImage() {
        ImageSignature verdict = verdictFor(digest(cosignImages, "valid"));

        assertThat(condition(verdict, "Trusted").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(condition(verdict, "Trusted").getReason()).isEqualTo("Verified");
        assertThat(condition(verdict, "ForImage").getStatus()).isEqualTo(ConditionStatus.True);
        assertThat(verdict.getIssuedBy().getCommonName()).isEqualTo("cosign-release");
        assertThat(verdict.getIssuedTo().getPublicKeyID())
                .isEqualTo(cosignKeys.get("release").keyId());
        assertThat(verdict.getImageIdentity()).isEqualTo(identity("cosign", "valid"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("brokenSignatures")
    void brokenSignatureIsNotTrustedAndSaysWhy(String format, String tag, String reason) {
        ImageSignature verdict = verdictFor(digest(format.equals("gpg") ? gpgImages : cosignImages, tag));

        SignatureCondition trusted = condition(verdict, "Trusted");
        assertThat(trusted.getStatus()).isEqualTo(ConditionStatus.False);
        assertThat(trusted.getReason()).isEqualTo(reason);
        assertThat(trusted.getMessage()).isNotBlank();
        assertThat(condition(verdict, "ForImage").getStatus()).isNotEqualTo(ConditionStatus.True);
    }

    @Test
    void rotatingKeysThroughThePolicyTopicFlipsVerdictsAndEmitsUpdates() {
        String gpgKey = signatureKey(rotationImage.digest(), "AtomicImageV1");
        String cosignKey = signatureKey(rotationImage.digest(), "CosignSignatureV1");
        assertThat(status(verdicts.get(gpgKey))).isEqualTo("True Verified");
        assertThat(status(verdicts.get(cosignKey))).startsWith("False ");

        Instant rotated = Instant.now().truncatedTo(ChronoUnit.MILLIS); // keys end at a millisecond
        publish(policy(List.of(
                withValidUntil(gpgKey("rotation-old", OLD, rotationScope()), rotated),
                cosignKey("rotation-next", "next", rotationScope()))));

        List<ConsumerRecord<String, ImageSignature>> all = io.awaitRecords(
                topics.signatures(),
                WAIT,
                records -> updates(records, gpgKey) == 2 && updates(records, cosignKey) == 2);
        Map<String, ImageSignature> after = TopicIo.latest(all);
        assertThat(status(after.get(gpgKey))).isEqualTo("False KeyExpired");
        assertThat(condition(after.get(gpgKey), "Trusted").getLastTransitionTime())
                .isAfterOrEqualTo(rotated);
        assertThat(status(after.get(cosignKey))).isEqualTo("True Verified");
        assertThat(after.get(cosignKey).getIssuedBy().getCommonName()).isEqualTo("rotation-next");
        assertThat(after).as("no verdict outside the rotated scope flipped").allSatisfy((key, verdict) -> {
            if (!key.equals(gpgKey) && !key.equals(cosignKey)) {
                assertThat(status(verdict)).isEqualTo(status(verdicts.get(key)));
            }
        });
    }

    // --- helpers ---

    private static String caseScope() {
        return registryHost + "/" + run;
    }

    private static String rotationScope() {
        return registryHost + "/" + run + "/rotation";
    }

    /** {@code <registry>/<run>/<repository>:<tag>}: the identity a signer names. */
    private static String identity(String repository, String tag) {
        return registryHost + "/" + run + "/" + repository + ":" + tag;
    }

    private static String digest(Map<String, PushedImage> images, String tag) {
        return images.get(tag).digest();
    }

    private static byte[] ownPayload(
            Map<String, PushedImage> images, String repository, String tag, boolean gpgFormat) {
        String digest = digest(images, tag);
        return gpgFormat
                ? Payloads.simpleSigning(digest, identity(repository, tag))
                : Payloads.cosign(digest, identity(repository, tag));
    }

    private static void lookaside(String tag, byte[] signature) {
        signed.putLookaside(run + "/gpg", digest(gpgImages, tag), signature);
    }

    private static void cosign(String tag, String key, byte[] payload) {
        signed.pushCosign(
                run + "/cosign",
                digest(cosignImages, tag),
                payload,
                cosignKeys.get(key).sign(payload));
    }

    private static TrustedKey gpgKey(String name, String user, String scope) {
        return TrustedKey.newBuilder()
                .setName(name)
                .setKeyType(TrustedKeyType.SimpleSigningGPG)
                .setPublicKey(gpg.exportPublicKey(user))
                .setScopes(List.of(scope))
                .build();
    }

    private static TrustedKey cosignKey(String name, String key, String scope) {
        return TrustedKey.newBuilder()
                .setName(name)
                .setKeyType(TrustedKeyType.CosignECDSA)
                .setPublicKey(cosignKeys.get(key).publicKeyPem())
                .setScopes(List.of(scope))
                .build();
    }

    private static TrustedKey withValidUntil(TrustedKey key, Instant until) {
        return TrustedKey.newBuilder(key).setValidUntil(until).build();
    }

    /** The policy both apps read: the registry as insecure, the lookaside store, the case keys and {@code more}. */
    private static ImportPolicy policy(List<TrustedKey> more) {
        var keys = new ArrayList<>(caseKeys());
        keys.addAll(more);
        return ImportPolicy.newBuilder()
                .setName(TaggerTopology.Settings.DEFAULT_POLICY_NAME)
                .setRegistrySources(RegistrySources.newBuilder()
                        .setInsecureRegistries(List.of(registryHost))
                        .build())
                .setSignatureStores(List.of(new SignatureStore(registryHost, signed.lookasideUrl())))
                .setTrustedKeys(keys)
                .build();
    }

    private static void publish(ImportPolicy policy) {
        io.produce(topics.policy(), List.of(policy), ImportPolicy::getName);
    }

    private static void submit(String repository, List<String> tags) {
        var specs = tags.stream()
                .map(tag -> ImageImportSpec.newBuilder()
                        .setFrom(new ObjectReference("DockerImage", identity(repository, tag), null))
                        .build())
                .toList();
        var request = ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(run)
                        .setName(repository)
                        .setUid(UUID.randomUUID().toString())
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder()
                        .setImport$(true)
                        .setImages(specs)
                        .build())
                .setRequestedAt(Instant.now())
                .build();
        io.produce(topics.importRequests(), List.of(request), r -> run + "/" + repository);
    }

    /** The importer's settings for tests: one thread, loopback registry and lookaside store allowed. */
    private static Map<String, String> importerFlags(KafkaEnvironment kafka, Path stateDir) {
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("schema.registry.url", kafka.schemaRegistryUrl());
        flags.put("topic.prefix", kafka.topicPrefix());
        flags.put("application.id", kafka.topicPrefix() + "importer");
        flags.put("state.dir", stateDir.toString());
        flags.put("replication.factor", "1");
        flags.put("num.stream.threads", "1");
        flags.put("importer.allowed-private-hosts", "127.0.0.1,localhost," + signed.lookasideHost());
        return flags;
    }

    /** The only verdict for the one signature of the image {@code digest}. */
    private static ImageSignature verdictFor(String digest) {
        List<ImageSignature> found = verdicts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(digest + "@"))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(found).as("verdicts for %s", digest).hasSize(1);
        return found.getFirst();
    }

    private static String signatureKey(String digest, String type) {
        return verdicts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(digest + "@"))
                .filter(entry -> entry.getValue().getType().equals(type))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " signature of " + digest + " in " + verdicts));
    }

    private static long updates(List<ConsumerRecord<String, ImageSignature>> records, String key) {
        return records.stream().filter(record -> record.key().equals(key)).count();
    }

    private static SignatureCondition condition(ImageSignature signature, String type) {
        return signature.getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + signature));
    }

    private static String status(ImageSignature signature) {
        SignatureCondition trusted = condition(signature, "Trusted");
        return trusted.getStatus() + " " + trusted.getReason();
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
