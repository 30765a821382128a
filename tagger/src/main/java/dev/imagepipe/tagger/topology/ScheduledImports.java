package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.TagSchedule;
import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.PullSpecResolver;
import dev.imagepipe.tagger.schedule.ImportScheduler;
import dev.imagepipe.tagger.schedule.MinuteBudget;
import dev.imagepipe.tagger.schedule.ScheduleSettings;
import dev.imagepipe.tagger.schedule.SchedulingRound;
import dev.imagepipe.tagger.schedule.StreamSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One scheduling round of a task, run by the wall-clock punctuation of {@link StreamProcessor} (A13.2): every stream in
 * {@value TaggerTopology#SCHEDULE_STORE} that is due gets an {@code ImageStreamImportRequest} (cause
 * {@code Scheduled}, {@code requestedAt} the round's wall-clock time) on {@code import.requests}, up to this task's
 * {@link BudgetShare} per minute; the rest are deferred, which their tag views show ({@code schedule.deferred}) and
 * the {@value #DEFERRED_OPERATION}-total metric counts. The minute's budget is kept in memory: a restart within a
 * minute may issue up to one more share in that minute.
 */
final class ScheduledImports {

    /** Metric scope of the scheduler's sensors (group {@code stream-tagger-scheduler-metrics}). */
    static final String METRIC_SCOPE = "tagger-scheduler";

    /** Sensor of scheduled requests issued: {@code scheduled-import-total} and {@code -rate}. */
    static final String ISSUED_OPERATION = "scheduled-import";

    /** Sensor of due imports deferred by the budget, once per stream and round: {@code deferred-import-total}. */
    static final String DEFERRED_OPERATION = "deferred-import";

    private final StreamOutputs outputs;
    private final KeyValueStore<String, TagSchedule> schedules;
    private final PolicyView policy;
    private final TaggerTopology.Settings settings;
    private final int partitions;
    private final int partition;
    private final Sensor issuedSensor;
    private final Sensor deferredSensor;
    private final TaggerEvents events;
    private MinuteBudget budget = MinuteBudget.NONE;

    ScheduledImports(
            ProcessorContext<String, SpecificRecord> context,
            StreamOutputs outputs,
            PolicyView policy,
            TaggerTopology.Settings settings,
            int partitions,
            int partition,
            TaggerEvents events) {
        this.outputs = outputs;
        this.schedules = context.getStateStore(TaggerTopology.SCHEDULE_STORE);
        this.policy = policy;
        this.settings = settings;
        this.partitions = partitions;
        this.partition = partition;
        this.events = events;
        String task = context.taskId().toString();
        this.issuedSensor =
                context.metrics().addRateTotalSensor(METRIC_SCOPE, task, ISSUED_OPERATION, Sensor.RecordingLevel.INFO);
        this.deferredSensor = context.metrics()
                .addRateTotalSensor(METRIC_SCOPE, task, DEFERRED_OPERATION, Sensor.RecordingLevel.INFO);
    }

    /** Runs a round at the wall clock's time; the punctuation's own timestamp is not used, the clock is. */
    void run(long punctuationTimestamp) {
        Instant now = settings.clock().instant();
        PolicyView.Current current = policy.current();
        var scheduler = new ImportScheduler(new ScheduleSettings(
                current.minimumInterval(),
                BudgetShare.of(current.perMinuteBudget(), partitions, partition),
                settings.jitterSeed()));
        Map<String, ImportScheduler.ScheduledStream> candidates = candidates(now);
        if (candidates.isEmpty()) {
            return;
        }
        SchedulingRound round = scheduler.plan(new ArrayList<>(candidates.values()), budget, now);
        budget = round.budget();
        var resolver = new PullSpecResolver(current.hostnames());
        for (SchedulingRound.ScheduledImport issued : round.issued()) {
            ImportScheduler.ScheduledStream candidate = candidates.get(
                    issued.plan().namespace() + "/" + issued.plan().name());
            outputs.forwardRequest(candidate.stream().key(), AvroImportRequests.scheduled(issued.plan(), now), now);
            reschedule(candidate, Optional.of(issued.next()), resolver, now);
            issuedSensor.record();
            events.scheduledImportIssued();
        }
        for (SchedulingRound.Deferral deferral : round.deferred()) {
            reschedule(candidates.get(deferral.streamKey()), Optional.of(deferral.schedule()), resolver, now);
            deferredSensor.record();
            events.scheduledImportDeferred();
        }
        for (String key : round.unscheduled()) {
            reschedule(candidates.get(key), Optional.empty(), resolver, now);
        }
    }

    /** Due streams only: a stream not yet due cannot be issued, deferred or found unscheduled in this round. */
    private Map<String, ImportScheduler.ScheduledStream> candidates(Instant now) {
        var out = new HashMap<String, ImportScheduler.ScheduledStream>();
        var gone = new ArrayList<String>();
        try (KeyValueIterator<String, TagSchedule> all = schedules.all()) {
            while (all.hasNext()) {
                KeyValue<String, TagSchedule> entry = all.next();
                StreamSchedule schedule = AvroSchedules.toDomain(entry.value);
                if (!schedule.isDue(now)) {
                    continue;
                }
                outputs.stream(entry.key)
                        .ifPresentOrElse(
                                stream -> out.put(entry.key, new ImportScheduler.ScheduledStream(stream, schedule)),
                                () -> gone.add(entry.key));
            }
        }
        gone.forEach(schedules::delete);
        return out;
    }

    private void reschedule(
            ImportScheduler.ScheduledStream candidate,
            Optional<StreamSchedule> next,
            PullSpecResolver resolver,
            Instant now) {
        ImageStreamState stream = candidate.stream();
        outputs.writeSchedule(stream, Optional.of(candidate.schedule()), next, resolver, now);
    }
}
