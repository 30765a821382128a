package dev.imagepipe.cli.imports;

import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ObjectMeta;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tag deletions as requests on {@code import.requests} (docs/decisions.md, 13): for each stream, one request keyed
 * {@code ns/stream} with annotation {@value ImportRequest#DELETE_TAGS} listing its tags and nothing to import. The
 * importer passes it through to {@code import.results} in order with the stream's imports; the tagger applies it.
 */
public final class TagDeletions {

    private TagDeletions() {}

    /**
     * The targets ({@code ns/stream:tag}, each with a tag) grouped by stream, in the order first named; a tag named
     * twice is deleted once.
     *
     * @throws IllegalArgumentException when a target names no tag
     */
    public static Map<String, Set<String>> byStream(List<ImportTarget> targets) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        for (ImportTarget target : targets) {
            String tag = target.tag()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "\"" + target.key() + "\" names no tag: use namespace/stream:tag"));
            tags.computeIfAbsent(target.key(), key -> new java.util.LinkedHashSet<>())
                    .add(tag);
        }
        return tags;
    }

    /**
     * The request deleting {@code tags} from the stream {@code key} ({@code ns/stream}).
     *
     * @param uid the request's own uid: {@code tag.events} carries it as {@code requestUid} of the Deleted events
     */
    public static ImageStreamImportRequest request(String key, Set<String> tags, String uid, Instant requestedAt) {
        int slash = key.indexOf('/');
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(key.substring(0, slash))
                        .setName(key.substring(slash + 1))
                        .setUid(uid)
                        .setAnnotations(Map.of(ImportRequest.DELETE_TAGS, String.join(",", tags)))
                        .build())
                .setSpec(ImageStreamImportSpec.newBuilder().setImport$(true).build())
                .setRequestedAt(requestedAt)
                .setCause(ImportCause.User)
                .build();
    }
}
