package dev.imagepipe.cli.testing;

import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamSpec;
import dev.imagepipe.schemas.avro.ImageStreamStatus;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.SignatureIssuer;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.avro.TagReference;
import dev.imagepipe.schemas.avro.TagSchedule;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Records the tagger writes, as the CLI reads them from {@code streams}, {@code tags}, {@code images}, ... */
public final class TaggerFixtures {

    public static final String D1 = "sha256:" + "1".repeat(64);
    public static final String D2 = "sha256:" + "2".repeat(64);
    public static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    public static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    private TaggerFixtures() {}

    public static TagEvent event(Instant created, String digest, long generation) {
        return new TagEvent(created, "quay.io/team/app@" + digest, digest, generation);
    }

    /** ns/app with tag {@code latest} moved from D1 to D2, and tag {@code old} at D1. */
    public static ImageStream stream() {
        return ImageStream.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace("team")
                        .setName("app")
                        .build())
                .setSpec(ImageStreamSpec.newBuilder()
                        .setTags(List.of(specTag("latest")))
                        .build())
                .setStatus(ImageStreamStatus.newBuilder()
                        .setDockerImageRepository("")
                        .setTags(List.of(
                                new NamedTagEventList("latest", List.of(event(T2, D2, 2), event(T1, D1, 1)), List.of()),
                                new NamedTagEventList("old", List.of(event(T1, D1, 1)), List.of())))
                        .build())
                .build();
    }

    public static TagReference specTag(String tag) {
        return TagReference.newBuilder()
                .setName(tag)
                .setFrom(new ObjectReference("DockerImage", "quay.io/team/app:" + tag, null))
                .setGeneration(2L)
                .build();
    }

    /** The view of team/app:latest: two events, resolved to the source, not failing. */
    public static ImageStreamTagView view() {
        return ImageStreamTagView.newBuilder()
                .setNamespace("team")
                .setStream("app")
                .setTag("latest")
                .setSpec(specTag("latest"))
                .setHistory(new NamedTagEventList("latest", List.of(event(T2, D2, 2), event(T1, D1, 1)), List.of()))
                .setResolvedPullSpec("quay.io/team/app@" + D2)
                .setUpdatedAt(T2)
                .build();
    }

    /** team/app:broken: failing import, and its scheduled import deferred. */
    public static ImageStreamTagView failingView() {
        return ImageStreamTagView.newBuilder(view())
                .setTag("broken")
                .setHistory(new NamedTagEventList(
                        "broken",
                        List.of(),
                        List.of(TagEventCondition.newBuilder()
                                .setStatus(ConditionStatus.False)
                                .setReason("NotFound")
                                .setMessage("manifest unknown")
                                .setGeneration(2)
                                .setLastTransitionTime(T2)
                                .build())))
                .setResolvedPullSpec(null)
                .setSchedule(new TagSchedule(T2.plusSeconds(900), true, T2))
                .build();
    }

    public static Image image() {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(D2).build())
                .setDockerImageReference("quay.io/team/app@" + D2)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .build();
    }

    public static ImageSignature signature(ConditionStatus trusted, String reason) {
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(D2 + "@sig-1").build())
                .setType("AtomicImageV1")
                .setContent(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setIssuedBy(new SignatureIssuer("Example Corp", "release key"))
                .setConditions(List.of(
                        new SignatureCondition("Trusted", trusted, T2, T2, reason, "why: " + reason),
                        new SignatureCondition("ForImage", ConditionStatus.True, T2, T2, "Verified", "digest matches")))
                .build();
    }

    public static TagEventRecord moved() {
        return TagEventRecord.newBuilder()
                .setKind(TagEventKind.Moved)
                .setNamespace("team")
                .setStream("app")
                .setTag("latest")
                .setEvent(event(T2, D2, 2))
                .setPrevious(event(T1, D1, 1))
                .setRequestUid("req-2")
                .setEventTime(T2)
                .build();
    }
}
