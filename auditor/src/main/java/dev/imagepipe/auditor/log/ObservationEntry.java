package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry lookup from {@code observations} (Avro {@code RegistryObservation}, key: canonical repository).
 *
 * @param repository the canonical repository asked for
 * @param tag the tag looked up, if any
 * @param digest the digest asked for, if the reference was by digest
 * @param resolvedDigest what the registry answered; empty on failure
 * @param failure {@code reason: message} of a failed lookup
 * @param pullSource the repository actually contacted: the source or one of its mirrors
 * @param viaMirror whether {@code pullSource} is a mirror
 * @param requestUid the import request that caused the lookup
 * @param observedAt event time of the lookup
 */
public record ObservationEntry(
        String repository,
        Optional<String> tag,
        Optional<String> digest,
        Optional<String> resolvedDigest,
        Optional<String> failure,
        String pullSource,
        boolean viaMirror,
        Optional<String> requestUid,
        Instant observedAt) {

    public ObservationEntry {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(resolvedDigest, "resolvedDigest");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(pullSource, "pullSource");
        Objects.requireNonNull(requestUid, "requestUid");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** Whether this lookup answered {@code digest}, asked by tag or by that digest. */
    public boolean answered(String imageDigest) {
        return resolvedDigest.map(imageDigest::equals).orElse(false);
    }
}
