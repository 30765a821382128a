package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.TagChange;
import java.time.Instant;
import java.util.Optional;

/** Maps a {@link TagChange} to the {@code TagEventRecord} written to {@code tag.events} (key {@code ns/stream:tag}). */
final class TagEventRecords {

    private TagEventRecords() {}

    /**
     * @param requestUid uid of the request that caused the change
     * @param eventTime the request's event time
     */
    static TagEventRecord of(
            ImageStreamState stream, TagChange change, Optional<String> requestUid, Instant eventTime) {
        TagEventRecord.Builder record = TagEventRecord.newBuilder()
                .setNamespace(stream.namespace())
                .setStream(stream.name())
                .setTag(change.tag())
                .setRequestUid(requestUid.orElse(null))
                .setEventTime(eventTime);
        switch (change) {
            case TagChange.Added added -> record.setKind(TagEventKind.Added).setEvent(AvroTags.event(added.event()));
            case TagChange.Moved moved ->
                record.setKind(TagEventKind.Moved)
                        .setEvent(AvroTags.event(moved.event()))
                        .setPrevious(AvroTags.event(moved.previous()));
            case TagChange.ImportFailed failed ->
                record.setKind(TagEventKind.ImportFailed).setCondition(AvroTags.condition(failed.condition()));
            case TagChange.Recovered recovered ->
                record.setKind(TagEventKind.Recovered)
                        .setEvent(AvroTags.event(recovered.event()))
                        .setCondition(AvroTags.condition(recovered.resolved()));
            case TagChange.Deleted deleted ->
                record.setKind(TagEventKind.Deleted)
                        .setPrevious(deleted.previous().map(AvroTags::event).orElse(null));
        }
        return record.build();
    }
}
