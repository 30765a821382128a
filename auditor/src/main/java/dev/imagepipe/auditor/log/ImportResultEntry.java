package dev.imagepipe.auditor.log;

import java.util.Objects;
import java.util.Optional;

/**
 * An import result from {@code import.results} (Avro {@code ImageStreamImport}, key {@code ns/stream}), reduced to its
 * identity.
 *
 * @param uid {@code metadata.uid}: the request it answers (decision 12); empty when the producer set none
 * @param streamKey {@code ns/stream}
 * @param failures how many of its images failed
 * @param images how many images it reports
 */
public record ImportResultEntry(Optional<String> uid, String streamKey, int failures, int images) {

    public ImportResultEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(streamKey, "streamKey");
    }
}
