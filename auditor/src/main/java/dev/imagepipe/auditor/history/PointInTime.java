package dev.imagepipe.auditor.history;

import dev.imagepipe.auditor.log.AuditLog;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.ObservationEntry;
import dev.imagepipe.auditor.log.SignatureEntry;
import dev.imagepipe.auditor.log.TagKey;
import dev.imagepipe.auditor.log.TagPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "what did this tag point at then?" from the event log alone: the tag's state from {@code tag.events}, where
 * the image came from from {@code observations}, and the signature verdicts from {@code signatures} as of that
 * instant. Records stamped after the instant are never consulted.
 */
public final class PointInTime {

    private PointInTime() {}

    /** The answer for {@code tag} at {@code at}. */
    public static PointInTimeAnswer answer(AuditLog log, TagKey tag, Instant at) {
        TagState state = TagHistories.rebuild(log.tagEvents())
                .getOrDefault(tag, new TagTimeline(tag, List.of()))
                .stateAt(at);
        Optional<TagPoint> image = state.current();
        if (image.isEmpty()) {
            return new PointInTimeAnswer(tag, at, state, PointInTimeAnswer.SourceMatch.NONE, List.of(), List.of());
        }
        String digest = image.get().image();
        Optional<String> requestUid =
                state.decidedBy().flatMap(event -> event.get().requestUid());
        List<Logged<ObservationEntry>> answering = log.observations().stream()
                .filter(o -> !o.timestamp().isAfter(at))
                .filter(o -> o.value().map(v -> v.answered(digest)).orElse(false))
                .toList();
        List<Logged<ObservationEntry>> ofRequest = requestUid
                .map(uid -> answering.stream()
                        .filter(o -> o.get().requestUid().equals(Optional.of(uid)))
                        .toList())
                .orElse(List.of());
        PointInTimeAnswer.SourceMatch match = !ofRequest.isEmpty()
                ? PointInTimeAnswer.SourceMatch.REQUEST
                : answering.isEmpty() ? PointInTimeAnswer.SourceMatch.NONE : PointInTimeAnswer.SourceMatch.DIGEST;
        List<Logged<ObservationEntry>> sources = ofRequest.isEmpty() ? answering : ofRequest;
        return new PointInTimeAnswer(tag, at, state, match, sources, signaturesAt(log, digest, at));
    }

    /** The last record of each signature of {@code digest} stamped at or before {@code at}, tombstones dropped. */
    public static List<Logged<SignatureEntry>> signaturesAt(AuditLog log, String digest, Instant at) {
        List<Logged<SignatureEntry>> asOf = log.signatures().stream()
                .filter(s -> !s.timestamp().isAfter(at))
                .filter(s -> digestOfKey(s.key()).equals(digest))
                .toList();
        List<Logged<SignatureEntry>> out = new ArrayList<>();
        AuditLog.latestByKey(asOf).values().forEach(s -> s.value().ifPresent(v -> out.add(s)));
        return out;
    }

    /** The image digest of a {@code signatures} key, {@code <digest>@<name>}. */
    static String digestOfKey(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }
}
