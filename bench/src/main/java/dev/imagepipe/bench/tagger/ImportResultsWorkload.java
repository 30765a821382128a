package dev.imagepipe.bench.tagger;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's input: importer results ({@code import.results}, key {@code ns/stream}) shaped like steady traffic.
 * Each result imports one to three tags of one stream; a tag moves among a few digests (so imports add, move, or find
 * nothing new) and sometimes fails. Reproducible from its seed, so every round reads the same input.
 */
final class ImportResultsWorkload {

    static final String NAMESPACE = "bench";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** Digests each tag moves among: a third of imports find the digest they already had, writing nothing. */
    private static final int DIGESTS_PER_TAG = 3;

    /** Failure share of imports: registries do fail, and failures take their own path (conditions, no churn). */
    static final double FAILURE_RATE = 0.1;

    private static final int MAX_TAGS_PER_RESULT = 3;

    private ImportResultsWorkload() {}

    /** {@code count} results over {@code streams} streams of {@code tagsPerStream} tags. */
    static List<ImageStreamImport> generate(long seed, int count, int streams, int tagsPerStream) {
        Random random = new Random(seed);
        List<ImageStreamImport> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String stream = "stream-" + random.nextInt(streams);
            int tags = 1 + random.nextInt(Math.min(MAX_TAGS_PER_RESULT, tagsPerStream));
            int first = random.nextInt(tagsPerStream);
            var specs = new ArrayList<ImageImportSpec>();
            var statuses = new ArrayList<ImageImportStatus>();
            for (int t = 0; t < tags; t++) {
                String tag = "tag-" + (first + t) % tagsPerStream;
                String repository = "registry.example.com/" + NAMESPACE + "/" + stream;
                specs.add(ImageImportSpec.newBuilder()
                        .setFrom(new ObjectReference("DockerImage", repository + ":" + tag, null))
                        .setTo(new LocalObjectReference(tag))
                        .build());
                statuses.add(
                        random.nextDouble() < FAILURE_RATE
                                ? failed(tag, repository)
                                : imported(tag, repository, digest(stream, tag, random.nextInt(DIGESTS_PER_TAG))));
            }
            Instant at = START.plusMillis(i);
            results.add(ImageStreamImport.newBuilder()
                    .setMetadata(ObjectMeta.newBuilder()
                            .setNamespace(NAMESPACE)
                            .setName(stream)
                            .setUid("request-" + i)
                            .build())
                    .setSpec(ImageStreamImportSpec.newBuilder()
                            .setImport$(true)
                            .setImages(specs)
                            .build())
                    .setStatus(ImageStreamImportStatus.newBuilder()
                            .setImages(statuses)
                            .build())
                    .setRequestedAt(at)
                    .setCompletedAt(at)
                    .setCause(ImportCause.User)
                    .build());
        }
        return results;
    }

    static String key(ImageStreamImport result) {
        return result.getMetadata().getNamespace() + "/" + result.getMetadata().getName();
    }

    private static ImageImportStatus imported(String tag, String repository, String digest) {
        return ImageImportStatus.newBuilder()
                .setStatus(new Status(StatusOutcome.Success, null, null, 200))
                .setTag(tag)
                .setImage(Image.newBuilder()
                        .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                        .setDockerImageReference(repository + "@" + digest)
                        .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                        .build())
                .build();
    }

    private static ImageImportStatus failed(String tag, String repository) {
        return ImageImportStatus.newBuilder()
                .setStatus(new Status(
                        StatusOutcome.Failure,
                        ImportFailureReason.RegistryUnavailable,
                        repository + " answered 503",
                        503))
                .setTag(tag)
                .build();
    }

    private static String digest(String stream, String tag, int variant) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest((stream + ":" + tag + "#" + variant).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
