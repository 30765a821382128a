package dev.imagepipe.auditor.replay;

import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** The topics an audit reads. */
public enum Source {
    TAG_EVENTS,
    IMPORT_RESULTS,
    IMAGES,
    SIGNATURES,
    OBSERVATIONS,
    TAGS,
    STREAMS,
    POLICY;

    /** Everything {@code audit replay} reads: the logs, and the compacted topics to compare and verify with. */
    public static final Set<Source> ALL = EnumSet.allOf(Source.class);

    /** What {@code audit at} reads: the event log alone, with where images came from and their verdicts. */
    public static final Set<Source> POINT_IN_TIME = EnumSet.of(TAG_EVENTS, OBSERVATIONS, SIGNATURES);

    /** This source's topic in {@code topics}. */
    public Topic<String, ? extends SpecificRecord> topic(Topics topics) {
        return switch (this) {
            case TAG_EVENTS -> topics.tagEvents();
            case IMPORT_RESULTS -> topics.importResults();
            case IMAGES -> topics.images();
            case SIGNATURES -> topics.signatures();
            case OBSERVATIONS -> topics.observations();
            case TAGS -> topics.tags();
            case STREAMS -> topics.streams();
            case POLICY -> topics.policy();
        };
    }
}
