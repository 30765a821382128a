package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one persisting import request ({@code spec.import=true}), as the tagger applies it to a stream
 * (Avro {@code ImageStreamImport} on {@code import.results}). Dry runs are not applied and never get here.
 *
 * @param namespace namespace of the target stream
 * @param name name of the target stream
 * @param streamUid the uid the request expects the stream to have; empty: any (A2.4)
 * @param resourceVersion the version the request expects the stream to be at; empty: any (A2.4)
 * @param requestedAt the request's event time: every time written by this import is this one (DESIGN decision 3)
 * @param repositoryEntries results of {@code spec.repository}, applied first (A2.9)
 * @param imageEntries results of {@code spec.images}, in request order, applied after the repository's
 */
public record ImportResult(
        String namespace,
        String name,
        Optional<String> streamUid,
        Optional<String> resourceVersion,
        Instant requestedAt,
        List<ImportEntry> repositoryEntries,
        List<ImportEntry> imageEntries) {

    public ImportResult {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(streamUid, "streamUid");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        Objects.requireNonNull(requestedAt, "requestedAt");
        repositoryEntries = List.copyOf(repositoryEntries);
        imageEntries = List.copyOf(imageEntries);
    }
}
