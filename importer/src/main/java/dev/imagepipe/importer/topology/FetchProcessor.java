package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.task.CachedImport;
import dev.imagepipe.importer.task.FetchTask;
import dev.imagepipe.importer.task.KnownImports;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImportTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Fetches off the stream thread. In: {@code ImportTask} (key canonical repository). Out, by value type: {@code Image}
 * (key digest), {@code RegistryObservation} (key canonical repository) and {@code ImportProgress} (key
 * {@code ns/stream}).
 *
 * <p>A task is written to the changelogged in-flight store before its fetch starts, and deleted in the same
 * transaction that forwards its results; results are forwarded only here, on the stream thread. After a crash the
 * restored store names exactly the tasks whose results were never committed, and {@link #init} starts them again, so
 * under {@code exactly_once_v2} every result is emitted once. At most {@code maxInFlight} tasks run per partition; past
 * that the stream thread waits for completions (bounded by fetch timeouts, well inside {@code max.poll.interval.ms}).
 */
final class FetchProcessor implements Processor<String, ImportTask, String, SpecificRecord> {

    /** How long one wait for a completion lasts while the stream thread is at capacity; it then re-checks. */
    private static final Duration CAPACITY_WAIT = Duration.ofMillis(50);

    private final FetchWorkers workers;
    private final PolicyDefaults defaults;
    private final int maxInFlight;
    private final Duration drainInterval;
    private final int knownCapacity;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    /** Tasks started by this instance and not yet forwarded; touched on the stream thread only. */
    private final Map<String, ImportTask> running = new HashMap<>();

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, ImportTask> inFlight;
    private KeyValueStore<String, ImageImportStatus> known;
    private KnownView knownView;
    private PolicyView policies;
    private TaskResults results;

    private record Completion(String taskId, TaskOutcome outcome) {}

    FetchProcessor(
            FetchWorkers workers, PolicyDefaults defaults, int maxInFlight, Duration drainInterval, int knownCapacity) {
        this.workers = workers;
        this.defaults = defaults;
        this.maxInFlight = maxInFlight;
        this.drainInterval = drainInterval;
        this.knownCapacity = knownCapacity;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.inFlight = context.getStateStore(ImporterTopology.IN_FLIGHT_STORE);
        this.known = context.getStateStore(ImporterTopology.KNOWN_STORE);
        this.policies = new PolicyView(context.getStateStore(ImporterTopology.POLICY_STORE), defaults);
        this.results = new TaskResults(context);
        this.knownView = new KnownView(knownCapacity);
        try (KeyValueIterator<String, ImageImportStatus> all = known.all()) {
            all.forEachRemaining(entry -> knownView.put(entry.key, AvroStatuses.cached(entry.value)));
        }
        List<ImportTask> pending = new ArrayList<>();
        try (KeyValueIterator<String, ImportTask> all = inFlight.all()) {
            all.forEachRemaining((KeyValue<String, ImportTask> entry) -> pending.add(entry.value));
        }
        pending.forEach(this::start);
        context.schedule(drainInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> drain());
    }

    @Override
    public void process(Record<String, ImportTask> record) {
        ImportTask task = record.value();
        if (task == null || running.containsKey(task.getTaskId())) {
            return;
        }
        inFlight.put(task.getTaskId(), task);
        start(task);
        drain();
        awaitCapacity();
    }

    private void start(ImportTask task) {
        running.put(task.getTaskId(), task);
        PolicyView.Current policy = policies.current();
        KnownImports view = task.getIncludeManifest() ? KnownImports.NONE : knownView;
        workers.submit(
                fetchTask(task),
                policy.task(),
                policy.problem(),
                view,
                outcome -> completions.add(new Completion(task.getTaskId(), outcome)));
    }

    private void awaitCapacity() {
        while (running.size() >= maxInFlight) {
            try {
                Completion completion = completions.poll(CAPACITY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (completion != null) {
                    complete(completion);
                    drain();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
        Completion completion;
        while ((completion = completions.poll()) != null) {
            complete(completion);
        }
    }

    private void complete(Completion completion) {
        ImportTask task = running.remove(completion.taskId());
        if (task == null) {
            return;
        }
        for (TaskOutcome.Imported imported : results.forward(task, completion.outcome())) {
            if (!imported.cached() && !task.getDryRun()) {
                remember(task, imported);
            }
        }
        inFlight.delete(task.getTaskId());
    }

    /** Remembers a committed import by the digest its reference resolved to, for the next HEAD. */
    private void remember(ImportTask task, TaskOutcome.Imported imported) {
        String key = new KnownImports.Key(
                        imported.resolvedDigest(),
                        AvroRequests.mode(task.getImportMode()),
                        Optional.ofNullable(task.getPreferArch()),
                        Optional.ofNullable(task.getPreferOs()))
                .asString();
        var cached = CachedImport.of(imported.image(), imported.children(), imported.selection());
        known.put(key, AvroStatuses.cached(cached));
        knownView.put(key, cached);
    }

    static FetchTask fetchTask(ImportTask task) {
        ImportMode mode = AvroRequests.mode(task.getImportMode());
        return new FetchTask(
                task.getTaskId(),
                task.getNamespace(),
                task.getFrom(),
                task.getRepositoryImport(),
                mode,
                task.getInsecure(),
                Optional.ofNullable(task.getPreferArch()),
                Optional.ofNullable(task.getPreferOs()),
                task.getMaxTags(),
                task.getDryRun(),
                task.getRequestedAt());
    }
}
