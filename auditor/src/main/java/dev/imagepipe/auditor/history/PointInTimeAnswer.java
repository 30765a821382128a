package dev.imagepipe.auditor.history;

import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.ObservationEntry;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.TagKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code imagepipe audit at <time> ns/stream:tag} answers.
 *
 * @param tag the tag asked about
 * @param at the instant asked about
 * @param state the tag then: its image ({@code state.current()}), the event that set it, a failing import
 * @param sourceMatch how {@code sources} were matched to the image
 * @param sources the registry lookups that answered the image's digest: the registry or mirror it came from
 * @param signatures the signature verdicts on the image as they stood then, one per signature
 */
public record PointInTimeAnswer(
        TagKey tag,
        Instant at,
        TagState state,
        SourceMatch sourceMatch,
        List<Logged<ObservationEntry>> sources,
        List<Logged<SignatureEntry>> signatures) {

    /** How the registry lookups were tied to the image. */
    public enum SourceMatch {
        /** Lookups of the request that set the image (same {@code requestUid}) that answered its digest. */
        REQUEST,
        /** No lookup of that request is in the log (retention, or no uid); lookups answering the digest before then. */
        DIGEST,
        /** No lookup in the log answered the digest. */
        NONE
    }

    public PointInTimeAnswer {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sourceMatch, "sourceMatch");
        sources = List.copyOf(sources);
        signatures = List.copyOf(signatures);
    }
}
