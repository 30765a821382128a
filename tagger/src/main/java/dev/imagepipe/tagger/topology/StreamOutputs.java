package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.TagSchedule;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.PullSpecResolver;
import dev.imagepipe.tagger.history.TagChange;
import dev.imagepipe.tagger.schedule.StreamSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes what happened to one stream: its stores ({@value TaggerTopology#STREAMS_STORE},
 * {@value TaggerTopology#SCHEDULE_STORE}) and its records on {@code streams}, {@code tags} and {@code tag.events}.
 * Shared by the import path and the scheduler so both write a stream the same way.
 */
final class StreamOutputs {

    private final ProcessorContext<String, SpecificRecord> context;
    private final KeyValueStore<String, ImageStream> streams;
    private final KeyValueStore<String, TagSchedule> schedules;
    private final TaggerEvents events;

    StreamOutputs(
            ProcessorContext<String, SpecificRecord> context,
            KeyValueStore<String, ImageStream> streams,
            KeyValueStore<String, TagSchedule> schedules,
            TaggerEvents events) {
        this.context = context;
        this.streams = streams;
        this.schedules = schedules;
        this.events = events;
    }

    Optional<ImageStreamState> stream(String key) {
        return Optional.ofNullable(streams.get(key)).map(AvroStreams::toDomain);
    }

    Optional<StreamSchedule> schedule(String key) {
        return Optional.ofNullable(schedules.get(key)).map(AvroSchedules::toDomain);
    }

    /**
     * A stream write: the new state to its store and {@code streams}, the tag views that changed (tombstones for tags
     * gone) and one {@code tag.events} record per change.
     *
     * @param before the stream and schedule before, empty when the stream is created
     * @param after the stream and schedule after
     * @param changes the tag changes the write made
     * @param requestUid uid of the request that caused the write
     * @param at event time of the write: timestamps of every record written
     */
    void writeStream(
            Optional<TagViews.Snapshot> before,
            TagViews.Snapshot after,
            List<TagChange> changes,
            Optional<String> requestUid,
            PullSpecResolver resolver,
            Instant at) {
        ImageStreamState stream = after.stream();
        ImageStream avro = AvroStreams.toAvro(stream);
        streams.put(stream.key(), avro);
        putSchedule(stream.key(), after.schedule());
        long timestamp = at.toEpochMilli();
        context.forward(new Record<String, SpecificRecord>(stream.key(), avro, timestamp), TaggerTopology.STREAMS_SINK);
        forwardViews(TagViews.changed(before, after, resolver, at), timestamp);
        for (TagChange change : changes) {
            context.forward(
                    new Record<String, SpecificRecord>(
                            TagViews.key(stream, change.tag()),
                            TagEventRecords.of(stream, change, requestUid, at),
                            timestamp),
                    TaggerTopology.TAG_EVENTS_SINK);
            events.tagChanged(change);
        }
    }

    /** A schedule change of an unchanged stream: the schedule store, and the views whose schedule field moved. */
    void writeSchedule(
            ImageStreamState stream,
            Optional<StreamSchedule> before,
            Optional<StreamSchedule> after,
            PullSpecResolver resolver,
            Instant at) {
        if (before.equals(after)) {
            return; // a stream deferred again keeps its schedule: nothing to write
        }
        putSchedule(stream.key(), after);
        forwardViews(
                TagViews.changed(
                        Optional.of(new TagViews.Snapshot(stream, before)),
                        new TagViews.Snapshot(stream, after),
                        resolver,
                        at),
                at.toEpochMilli());
    }

    void forwardRequest(String key, SpecificRecord request, Instant at) {
        context.forward(new Record<>(key, request, at.toEpochMilli()), TaggerTopology.REQUESTS_SINK);
    }

    private void putSchedule(String key, Optional<StreamSchedule> schedule) {
        if (schedule.isPresent()) {
            schedules.put(key, AvroSchedules.toAvro(schedule.get()));
        } else if (schedules.get(key) != null) {
            schedules.delete(
                    key); // only when there is one: a tombstone per unscheduled write would flood the changelog
        }
    }

    private void forwardViews(Map<String, ImageStreamTagView> views, long timestamp) {
        views.forEach((key, view) ->
                context.forward(new Record<String, SpecificRecord>(key, view, timestamp), TaggerTopology.TAGS_SINK));
    }
}
