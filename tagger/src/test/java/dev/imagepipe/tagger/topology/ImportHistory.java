package dev.imagepipe.tagger.topology;

import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.tagger.history.HistorySettings;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.StreamUpdate;
import dev.imagepipe.tagger.history.StreamUpdater;
import dev.imagepipe.tagger.history.TagChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A reproducible run of importer results over a few streams of a few tags each, shaped like real traffic: each result
 * imports one to three tags of one stream, mostly moving among a handful of digests per tag (so tags are added, move,
 * and are re-imported unchanged), sometimes failing (and later recovering), and now and then a tag is deleted.
 *
 * <p>{@link #expectedEvents} folds the same results through the domain {@link StreamUpdater}, independently of Kafka,
 * into the {@code tag.events} each tag must get, in order.
 */
final class ImportHistory {

    static final String NAMESPACE = "eos";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** Digests each tag moves among: few enough that imports often find the digest unchanged. */
    private static final int DIGESTS_PER_TAG = 3;

    private static final double FAILURE_RATE = 0.2;
    private static final double DELETION_RATE = 0.03;
    private static final int MAX_TAGS_PER_RESULT = 3;
    private static final List<ImportFailureReason> FAILURES = List.of(
            ImportFailureReason.NotFound, ImportFailureReason.Unauthorized, ImportFailureReason.RegistryUnavailable);

    private ImportHistory() {}

    /** {@code count} results over {@code streams} streams of {@code tagsPerStream} tags each. */
    static List<ImageStreamImport> generate(long seed, int count, int streams, int tagsPerStream) {
        Random random = new Random(seed);
        List<ImageStreamImport> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String stream = "stream-" + random.nextInt(streams);
            ObjectMeta metadata = ObjectMeta.newBuilder()
                    .setNamespace(NAMESPACE)
                    .setName(stream)
                    .setUid("request-%04d".formatted(i))
                    .build();
            Instant at = START.plusSeconds(i);
            List<String> tags = distinctTags(random, tagsPerStream);
            if (random.nextDouble() < DELETION_RATE) {
                results.add(deletion(metadata, at, tags.getFirst()));
                continue;
            }
            var entries = tags.stream().map(tag -> entry(random, stream, tag)).toArray(TaggerDriver.Entry[]::new);
            results.add(TaggerDriver.result(metadata, at, entries));
        }
        return results;
    }

    /** Every result's key on {@code import.results}: {@code ns/stream}. */
    static String key(ImageStreamImport result) {
        return result.getMetadata().getNamespace() + "/" + result.getMetadata().getName();
    }

    /**
     * The {@code tag.events} of each tag ({@code ns/stream:tag}), in order, that applying {@code results} in order
     * must write: what the tagger's operator does, done here with the domain updater and no Kafka.
     */
    static Map<String, List<TagEventRecord>> expectedEvents(List<ImageStreamImport> results) {
        StreamUpdater updater = new StreamUpdater(HistorySettings.DEFAULT);
        Map<String, ImageStreamState> streams = new HashMap<>();
        Map<String, List<TagEventRecord>> events = new LinkedHashMap<>();
        for (ImageStreamImport result : results) {
            String key = key(result);
            Optional<ImageStreamState> current = Optional.ofNullable(streams.get(key));
            Optional<String> uid = Optional.of(result.getMetadata().getUid());
            List<StreamUpdate.Written> writes =
                    switch (AvroImportResults.read(key, result)) {
                        case AvroImportResults.Apply apply ->
                            updater.apply(current, apply.result()) instanceof StreamUpdate.Written written
                                    ? List.of(written)
                                    : List.of();
                        case AvroImportResults.DeleteTags delete ->
                            deletions(updater, current, delete.tags(), result.getRequestedAt());
                        case AvroImportResults.Ignore ignore -> List.of();
                    };
            for (StreamUpdate.Written written : writes) {
                streams.put(key, written.stream());
                for (TagChange change : written.changes()) {
                    events.computeIfAbsent(TagViews.key(written.stream(), change.tag()), k -> new ArrayList<>())
                            .add(TagEventRecords.of(written.stream(), change, uid, written.eventTime()));
                }
            }
        }
        return events;
    }

    private static List<StreamUpdate.Written> deletions(
            StreamUpdater updater, Optional<ImageStreamState> current, List<String> tags, Instant at) {
        var writes = new ArrayList<StreamUpdate.Written>();
        for (String tag : tags) {
            Optional<ImageStreamState> stream = writes.isEmpty() ? current : Optional.of(writes.getLast().stream());
            if (stream.isPresent()
                    && updater.deleteTag(stream.get(), tag, at) instanceof StreamUpdate.Written written) {
                writes.add(written);
            }
        }
        return writes;
    }

    private static List<String> distinctTags(Random random, int tagsPerStream) {
        int wanted = 1 + random.nextInt(Math.min(MAX_TAGS_PER_RESULT, tagsPerStream));
        var tags = new ArrayList<String>();
        while (tags.size() < wanted) {
            String tag = "tag-" + random.nextInt(tagsPerStream);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static TaggerDriver.Entry entry(Random random, String stream, String tag) {
        String from = "registry.example.com/" + NAMESPACE + "/" + stream + ":" + tag;
        if (random.nextDouble() < FAILURE_RATE) {
            ImportFailureReason reason = FAILURES.get(random.nextInt(FAILURES.size()));
            return TaggerDriver.failed(tag, from, reason, reason + " importing " + from);
        }
        return TaggerDriver.imported(tag, from, digest(stream + ":" + tag + "#" + random.nextInt(DIGESTS_PER_TAG)));
    }

    private static ImageStreamImport deletion(ObjectMeta metadata, Instant at, String tag) {
        ImageStreamImport result = TaggerDriver.result(metadata, at);
        return ImageStreamImport.newBuilder(result)
                .setMetadata(ObjectMeta.newBuilder(metadata)
                        .setAnnotations(Map.of(ImportRequest.DELETE_TAGS, tag))
                        .build())
                .build();
    }

    static String digest(String seed) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
