package dev.imagepipe.bench.replay;

import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.importer.signature.CosignSignatures;
import dev.imagepipe.importer.signature.SignatureType;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamSpec;
import dev.imagepipe.schemas.avro.ImageStreamStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventConditionType;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A valid history, as the importer and tagger would have written it, generated without them: streams of
 * {@link HistoryShape#tagsPerStream()} tags, each stream imported {@link HistoryShape#importsPerTag()} times (one
 * request per round covering all its tags). Each tag is Added, then Moved to a new image each round, except that every
 * {@link HistoryShape#failEvery()}-th round fails (NotFound) and the next one Recovers the same image. Every
 * {@link HistoryShape#signEvery()}-th new image has a cosign signature judged Trusted, signed for real with a key the
 * policy trusts. At the end, the compacted {@code tags} and {@code streams} hold each tag's full history. The records
 * satisfy every invariant the auditor checks, so a replay of them measures the clean path.
 */
final class SyntheticHistory {

    static final String POLICY = "cluster";
    static final String REGISTRY = "registry.bench.example";

    /** Namespaces the streams are spread over, so keys look like a cluster's and not one team's. */
    static final int NAMESPACES = 20;

    /** Event times start a year back and rounds are an hour apart: a realistic spread, all in the past. */
    static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

    static final Duration ROUND = Duration.ofHours(1);

    static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private final HistoryShape shape;
    private final CosignSigner signer = new CosignSigner();
    private long newImages;

    SyntheticHistory(HistoryShape shape) {
        this.shape = shape;
    }

    /** The policy record, stamped before any import: it must be in force when the signatures are verified. */
    HistoryRecord policy() {
        ImportPolicy policy = ImportPolicy.newBuilder()
                .setName(POLICY)
                .setTrustedKeys(List.of(TrustedKey.newBuilder()
                        .setName("release")
                        .setKeyType(TrustedKeyType.CosignECDSA)
                        .setPublicKey(signer.publicKeyPem())
                        .setScopes(List.of(REGISTRY))
                        .build()))
                .build();
        return new HistoryRecord(Source.POLICY, POLICY, BASE.minus(ROUND), policy);
    }

    /** Every record of the history, policy first, then stream by stream in write order. */
    void forEach(Consumer<HistoryRecord> sink) {
        sink.accept(policy());
        for (int i = 0; i < shape.streams(); i++) {
            stream(i, sink);
        }
    }

    /** How many records {@link #forEach} writes. */
    long count() {
        long[] count = {0};
        forEach(record -> count[0]++);
        return count[0];
    }

    /** The records of stream {@code i}, in write order. */
    void stream(int i, Consumer<HistoryRecord> sink) {
        String ns = "team-" + (i % NAMESPACES);
        String name = "app-" + i;
        String repository = REGISTRY + "/" + ns + "/" + name;
        List<TagHistory> tags = new ArrayList<>();
        for (int t = 0; t < shape.tagsPerStream(); t++) {
            tags.add(new TagHistory(ns, name, "v" + t));
        }
        Instant last = BASE;
        for (int round = 0; round < shape.importsPerTag(); round++) {
            Instant at = BASE.plus(ROUND.multipliedBy(round)).plusSeconds(i % 3_600);
            String uid = "s" + i + "-r" + round;
            boolean fails = round > 0 && round % shape.failEvery() == 0;
            List<ImageImportStatus> statuses = new ArrayList<>();
            for (TagHistory tag : tags) {
                statuses.add(
                        fails
                                ? tag.fail(round, at, uid, repository, sink)
                                : tag.succeed(round, at, uid, repository, sink));
            }
            sink.accept(
                    new HistoryRecord(Source.IMPORT_RESULTS, ns + "/" + name, at, result(ns, name, uid, at, statuses)));
            last = at;
        }
        List<NamedTagEventList> histories = new ArrayList<>();
        for (TagHistory tag : tags) {
            NamedTagEventList history = tag.history();
            histories.add(history);
            sink.accept(new HistoryRecord(Source.TAGS, tag.key(), last, tagView(tag, history, last)));
        }
        sink.accept(new HistoryRecord(Source.STREAMS, ns + "/" + name, last, stream(ns, name, histories)));
    }

    /** One tag's life as the tagger keeps it: items newest first, and the failing condition, if any. */
    private final class TagHistory {
        private final String ns;
        private final String stream;
        private final String tag;
        private final Deque<TagEvent> items = new ArrayDeque<>();
        private TagEventCondition failure;

        TagHistory(String ns, String stream, String tag) {
            this.ns = ns;
            this.stream = stream;
            this.tag = tag;
        }

        String key() {
            return ns + "/" + stream + ":" + tag;
        }

        ImageImportStatus succeed(int round, Instant at, String uid, String repository, Consumer<HistoryRecord> sink) {
            TagEvent previous = items.peekFirst();
            boolean recovering = failure != null;
            String digest;
            if (recovering) {
                digest = previous.getImage(); // the re-import after a failure finds the image it had
                items.pollFirst();
            } else {
                String manifest = manifest(key() + "#" + round);
                digest = sha256(manifest.getBytes(StandardCharsets.UTF_8));
                sink.accept(new HistoryRecord(Source.IMAGES, digest, at, image(digest, repository, manifest)));
                if (newImages++ % shape.signEvery() == 0) {
                    ImageSignature signature = signature(digest, repository + "@" + digest, at);
                    sink.accept(new HistoryRecord(
                            Source.SIGNATURES, signature.getMetadata().getName(), at, signature));
                }
            }
            sink.accept(new HistoryRecord(
                    Source.OBSERVATIONS, repository, at, observation(repository, digest, null, uid, at)));
            TagEvent point = new TagEvent(at, repository + "@" + digest, digest, (long) round + 1);
            TagEventKind kind =
                    previous == null ? TagEventKind.Added : recovering ? TagEventKind.Recovered : TagEventKind.Moved;
            sink.accept(new HistoryRecord(
                    Source.TAG_EVENTS,
                    key(),
                    at,
                    tagEvent(kind, point, kind == TagEventKind.Moved ? previous : null, failure, uid, at)));
            items.addFirst(point);
            failure = null;
            return ImageImportStatus.newBuilder()
                    .setStatus(
                            Status.newBuilder().setStatus(StatusOutcome.Success).build())
                    .setTag(tag)
                    .build();
        }

        ImageImportStatus fail(int round, Instant at, String uid, String repository, Consumer<HistoryRecord> sink) {
            Status notFound = Status.newBuilder()
                    .setStatus(StatusOutcome.Failure)
                    .setReason(ImportFailureReason.NotFound)
                    .setMessage("manifest unknown")
                    .setCode(404)
                    .build();
            failure = TagEventCondition.newBuilder()
                    .setType(TagEventConditionType.ImportSuccess)
                    .setStatus(ConditionStatus.False)
                    .setReason("NotFound")
                    .setMessage("manifest unknown")
                    .setGeneration((long) round + 1)
                    .setLastTransitionTime(at)
                    .build();
            sink.accept(new HistoryRecord(
                    Source.OBSERVATIONS, repository, at, observation(repository, null, notFound, uid, at)));
            sink.accept(new HistoryRecord(
                    Source.TAG_EVENTS, key(), at, tagEvent(TagEventKind.ImportFailed, null, null, failure, uid, at)));
            return ImageImportStatus.newBuilder()
                    .setStatus(notFound)
                    .setTag(tag)
                    .build();
        }

        NamedTagEventList history() {
            return NamedTagEventList.newBuilder()
                    .setTag(tag)
                    .setItems(List.copyOf(items))
                    .setConditions(failure == null ? List.of() : List.of(failure))
                    .build();
        }

        private TagEventRecord tagEvent(
                TagEventKind kind,
                TagEvent event,
                TagEvent previous,
                TagEventCondition condition,
                String uid,
                Instant at) {
            return TagEventRecord.newBuilder()
                    .setKind(kind)
                    .setNamespace(ns)
                    .setStream(stream)
                    .setTag(tag)
                    .setEvent(event)
                    .setPrevious(previous)
                    .setCondition(condition)
                    .setRequestUid(uid)
                    .setEventTime(at)
                    .build();
        }
    }

    /** An OCI manifest made unique by {@code seed} through its config digest. */
    static String manifest(String seed) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{"
                + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + sha256(seed.getBytes(StandardCharsets.UTF_8)) + "\",\"size\":2},\"layers\":[]}";
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Image image(String digest, String repository, String manifest) {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference(repository + "@" + digest)
                .setDockerImageManifestMediaType(MEDIA_TYPE)
                .setDockerImageManifest(manifest)
                .build();
    }

    private ImageSignature signature(String digest, String reference, Instant at) {
        byte[] payload = CosignSigner.payload(digest, reference);
        String signature = signer.sign(payload);
        String name = digest + "@"
                + sha256(signature.getBytes(StandardCharsets.UTF_8)).substring("sha256:".length());
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(name)
                        .setAnnotations(Map.of(CosignSignatures.SIGNATURE_ANNOTATION, signature))
                        .build())
                .setType(SignatureType.COSIGN.wireName())
                .setContent(ByteBuffer.wrap(payload))
                .setConditions(List.of(verified("Trusted", at), verified("ForImage", at)))
                .build();
    }

    private static SignatureCondition verified(String type, Instant at) {
        return SignatureCondition.newBuilder()
                .setType(type)
                .setStatus(ConditionStatus.True)
                .setReason("Verified")
                .setMessage("verified with trusted key release")
                .setLastProbeTime(at)
                .setLastTransitionTime(at)
                .build();
    }

    private static RegistryObservation observation(
            String repository, String digest, Status failure, String uid, Instant at) {
        return RegistryObservation.newBuilder()
                .setRepository(repository)
                .setResolvedDigest(digest)
                .setMediaType(digest == null ? null : MEDIA_TYPE)
                .setFailure(failure)
                .setPullSource(repository)
                .setViaMirror(false)
                .setRequestUid(uid)
                .setObservedAt(at)
                .build();
    }

    private static ImageStreamImport result(
            String ns, String name, String uid, Instant at, List<ImageImportStatus> statuses) {
        return ImageStreamImport.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(ns)
                        .setName(name)
                        .setUid(uid)
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder().setImport$(true).build())
                .setStatus(
                        ImageStreamImportStatus.newBuilder().setImages(statuses).build())
                .setRequestedAt(at)
                .setCompletedAt(at)
                .build();
    }

    private static ImageStreamTagView tagView(TagHistory tag, NamedTagEventList history, Instant at) {
        return ImageStreamTagView.newBuilder()
                .setNamespace(tag.ns)
                .setStream(tag.stream)
                .setTag(tag.tag)
                .setHistory(history)
                .setUpdatedAt(at)
                .build();
    }

    private static ImageStream stream(String ns, String name, List<NamedTagEventList> tags) {
        return ImageStream.newBuilder()
                .setMetadata(
                        ObjectMeta.newBuilder().setNamespace(ns).setName(name).build())
                .setSpec(ImageStreamSpec.newBuilder().build())
                .setStatus(ImageStreamStatus.newBuilder()
                        .setDockerImageRepository("")
                        .setTags(tags)
                        .build())
                .build();
    }
}
