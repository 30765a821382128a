package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.TagSchedule;
import dev.imagepipe.tagger.schedule.StreamSchedule;
import java.util.Optional;

/** Maps a stream's {@link StreamSchedule} to and from Avro {@code TagSchedule} (store {@code tagger-schedule}). */
final class AvroSchedules {

    private AvroSchedules() {}

    static StreamSchedule toDomain(TagSchedule schedule) {
        return new StreamSchedule(schedule.getNextImportDue(), Optional.ofNullable(schedule.getDeferredSince()));
    }

    static TagSchedule toAvro(StreamSchedule schedule) {
        return new TagSchedule(
                schedule.nextImportDue(),
                schedule.deferred(),
                schedule.deferredSince().orElse(null));
    }
}
