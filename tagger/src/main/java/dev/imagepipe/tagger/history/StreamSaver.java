package dev.imagepipe.tagger.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stamps a stream that is about to be written, as the image stream strategy does on save (A11.8, A11.9): stream
 * and spec tag generations, uid and creation time on create, the write counter, the repository-check annotation,
 * the registry locations (A12), and history retention.
 */
final class StreamSaver {

    private final HistorySettings settings;

    StreamSaver(HistorySettings settings) {
        this.settings = settings;
    }

    /**
     * The stream to write.
     *
     * @param original the stream as stored ({@link ImageStreamState#unsaved} when creating)
     * @param changed the stream after the import or deletion
     * @param create whether this write creates the stream
     * @param now event time of the write
     * @param checkedByImport whether an import wrote it, which sets {@link StreamMetadata#REPOSITORY_CHECK_ANNOTATION}
     */
    ImageStreamState save(
            ImageStreamState original, ImageStreamState changed, boolean create, Instant now, boolean checkedByImport) {
        long generation =
                !changed.spec().equals(original.spec()) || original.metadata().generation() == 0
                        ? original.metadata().generation() + 1
                        : original.metadata().generation();
        return new ImageStreamState(
                metadata(original.metadata(), generation, create, now, checkedByImport),
                spec(original, changed.spec(), generation),
                status(changed, now));
    }

    private static StreamMetadata metadata(
            StreamMetadata original, long generation, boolean create, Instant now, boolean checkedByImport) {
        var annotations = new HashMap<>(original.annotations());
        if (checkedByImport) {
            annotations.put(
                    StreamMetadata.REPOSITORY_CHECK_ANNOTATION,
                    DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        }
        return new StreamMetadata(
                original.namespace(),
                original.name(),
                create ? Optional.of(newUid(original, now)) : original.uid(),
                Optional.of(nextResourceVersion(original.resourceVersion())),
                generation,
                create ? Optional.of(now) : original.creationTimestamp(),
                original.labels(),
                annotations);
    }

    /** Derived from the stream and its creation time so a replay assigns the same uid (DESIGN decision 3). */
    private static String newUid(StreamMetadata stream, Instant created) {
        String seed = stream.namespace() + "/" + stream.name() + "@" + created.toEpochMilli();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The tagger is the only writer of streams, so a counter of writes is a sufficient version (A2.4). */
    private static String nextResourceVersion(Optional<String> current) {
        long previous;
        try {
            previous = current.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            previous = 0; // a version from elsewhere: any new value differs from it, which is all the lock needs
        }
        return Long.toString(previous + 1);
    }

    /**
     * A11.8: a tag that is new, points somewhere new, or carries 0 gets the stream generation; others keep theirs.
     * Tags without a reference policy get {@code Source}, as the v1 defaulting round trip gives them (A2.9).
     */
    private static StreamSpec spec(ImageStreamState original, StreamSpec changed, long generation) {
        List<SpecTag> tags = changed.tags().stream()
                .map(tag -> {
                    Optional<SpecTag> before = original.specTag(tag.name());
                    boolean stamp = tag.generation().equals(Optional.of(0L))
                            || before.isEmpty()
                            || !before.get().from().equals(tag.from());
                    SpecTag stamped = stamp ? tag.withGeneration(generation) : tag;
                    return stamped.withReferencePolicy(stamped.effectiveReferencePolicy());
                })
                .toList();
        return new StreamSpec(changed.lookupLocal(), changed.dockerImageRepository(), tags);
    }

    private StreamStatus status(ImageStreamState stream, Instant now) {
        RegistryHostnames hosts = settings.hostnames();
        String repository = hosts.internalRepository(stream.namespace(), stream.name())
                .or(() -> stream.spec().dockerImageRepository())
                .orElse("");
        List<TagHistory> tags = stream.status().tags().stream()
                .map(history -> history.withItems(settings.retention().retain(history.items(), now)))
                .toList();
        return new StreamStatus(repository, hosts.publicRepository(stream.namespace(), stream.name()), tags);
    }
}
