package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.tagger.history.HistorySettings;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.PullSpecResolver;
import dev.imagepipe.tagger.history.StreamUpdate;
import dev.imagepipe.tagger.history.StreamUpdater;
import dev.imagepipe.tagger.history.TagChange;
import dev.imagepipe.tagger.schedule.ImportScheduler;
import dev.imagepipe.tagger.schedule.ScheduleSettings;
import dev.imagepipe.tagger.schedule.StreamSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator {@value TaggerTopology#APPLY_PROCESSOR}: applies each import result (or tag deletion) of
 * {@code import.results} to its stream with {@link StreamUpdater}, writes the stream, its changed tag views and its
 * tag changes, and keeps the stream's import schedule; its wall-clock punctuation runs {@link ScheduledImports}.
 * Dry runs, requests that failed validation, imports that change nothing and rejected imports write nothing.
 */
final class StreamProcessor implements Processor<String, ImageStreamImport, String, SpecificRecord> {

    private static final Logger log = LoggerFactory.getLogger(StreamProcessor.class);

    private final TaggerTopology.Settings settings;
    private final int partitions;
    private final TaggerEvents events;
    private StreamOutputs outputs;
    private PolicyView policy;

    StreamProcessor(TaggerTopology.Settings settings, int partitions, TaggerEvents events) {
        this.settings = settings;
        this.partitions = partitions;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        outputs = new StreamOutputs(
                context,
                context.getStateStore(TaggerTopology.STREAMS_STORE),
                context.getStateStore(TaggerTopology.SCHEDULE_STORE),
                events);
        policy = new PolicyView(context.getStateStore(TaggerTopology.POLICY_STORE), settings.policyName());
        if (settings.scheduledImports()) {
            var round = new ScheduledImports(
                    context,
                    outputs,
                    policy,
                    settings,
                    partitions,
                    context.taskId().partition(),
                    events);
            context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, round::run);
        }
    }

    @Override
    public void process(Record<String, ImageStreamImport> record) {
        if (record.value() == null) {
            return; // import.results is a log: a null value carries nothing to apply
        }
        ImageStreamImport value = record.value();
        Optional<String> requestUid = Optional.ofNullable(value.getMetadata().getUid());
        switch (AvroImportResults.read(record.key(), value)) {
            case AvroImportResults.Ignore ignore -> log.debug("{}: not applied: {}", record.key(), ignore.why());
            case AvroImportResults.DeleteTags delete -> deleteTags(record.key(), delete.tags(), requestUid, value);
            case AvroImportResults.Apply apply -> {
                Optional<ImageStreamState> current = outputs.stream(record.key());
                StreamUpdate update = updater().apply(current, apply.result());
                switch (update) {
                    case StreamUpdate.Written written -> write(current, written, requestUid, true);
                    case StreamUpdate.Unchanged unchanged -> {}
                    case StreamUpdate.Rejected rejected ->
                        log.info(
                                "{}: import {} not applied ({}): {}",
                                record.key(),
                                requestUid.orElse("without uid"),
                                rejected.reason(),
                                rejected.message());
                }
            }
        }
    }

    private void deleteTags(String key, List<String> tags, Optional<String> requestUid, ImageStreamImport value) {
        Optional<ImageStreamState> current = outputs.stream(key);
        if (current.isEmpty()) {
            return;
        }
        Instant at = value.getRequestedAt();
        ImageStreamState stream = current.get();
        var changes = new ArrayList<TagChange>();
        for (String tag : tags) {
            if (updater().deleteTag(stream, tag, at) instanceof StreamUpdate.Written written) {
                stream = written.stream();
                changes.addAll(written.changes());
            }
        }
        if (!changes.isEmpty()) { // every deletion that removed something reported Deleted
            write(current, new StreamUpdate.Written(stream, false, changes, at), requestUid, false);
        }
    }

    /**
     * @param imported whether an import wrote the stream: any import pushes the next scheduled one back (A13.2); a
     *     deletion keeps the schedule the stream had
     */
    private void write(
            Optional<ImageStreamState> before,
            StreamUpdate.Written written,
            Optional<String> requestUid,
            boolean imported) {
        PolicyView.Current current = policy.current();
        ImageStreamState stream = written.stream();
        Optional<StreamSchedule> scheduleBefore = outputs.schedule(stream.key());
        Instant now = settings.clock().instant(); // scheduling decisions follow the wall clock, history event time
        Optional<StreamSchedule> scheduleAfter = !settings.scheduledImports()
                ? Optional.empty()
                : imported
                        ? scheduler(current).onImported(stream, now)
                        : scheduler(current).onStreamChanged(stream, scheduleBefore, now);
        outputs.writeStream(
                before.map(old -> new TagViews.Snapshot(old, scheduleBefore)),
                new TagViews.Snapshot(written.stream(), scheduleAfter),
                written.changes(),
                requestUid,
                new PullSpecResolver(current.hostnames()),
                written.eventTime());
    }

    private StreamUpdater updater() {
        return new StreamUpdater(
                new HistorySettings(settings.retention(), policy.current().hostnames()));
    }

    private ImportScheduler scheduler(PolicyView.Current current) {
        return new ImportScheduler(
                new ScheduleSettings(current.minimumInterval(), current.perMinuteBudget(), settings.jitterSeed()));
    }
}
