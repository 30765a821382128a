package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.task.FetchTask;
import dev.imagepipe.importer.task.KnownImports;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.importer.task.TaskPolicy;
import dev.imagepipe.importer.task.TaskRunner;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's fetch threads, shared by every fetch processor: their number bounds concurrent fetches across all
 * partitions, below the registry client's per-registry limits. Work never throws back: a bug in a fetch becomes an
 * {@code Unknown} failure of that image (A10's guard), so no record is lost and the topology keeps running.
 */
public final class FetchWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FetchWorkers.class);

    /** How long closing waits for running fetches; unfinished ones are resumed from the in-flight store. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final TaskRunner runner;
    private final ExecutorService executor;
    private final ImportEvents events;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** @param concurrency how many fetches run at once in this process */
    public FetchWorkers(TaskRunner runner, int concurrency, ImportEvents events) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.events = Objects.requireNonNull(events, "events");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "importer-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fetches submitted and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Runs {@code task} on a worker and hands the outcome to {@code done} on that worker.
     *
     * @param policy the policy in force, or empty with {@code problem} when it could not be read: tasks then fail
     *     closed rather than run unchecked
     */
    void submit(
            FetchTask task,
            Optional<TaskPolicy> policy,
            Optional<String> problem,
            KnownImports known,
            Consumer<TaskOutcome> done) {
        inFlight.incrementAndGet();
        executor.execute(() -> {
            long start = System.nanoTime();
            TaskOutcome outcome;
            try {
                outcome = policy.map(p -> runner.run(task, p, known))
                        .orElseGet(() -> failed(task, FailureReason.INVALID, problem.orElse("no import policy")));
            } catch (RuntimeException bug) {
                log.error("fetch task {} for {} failed unexpectedly", task.taskId(), task.from(), bug);
                outcome = failed(
                        task,
                        FailureReason.UNKNOWN,
                        "unknown error while importing \"%s\" with import mode \"%s\", please try again: %s"
                                .formatted(
                                        task.from(), task.mode(), bug.getClass().getSimpleName()));
            } finally {
                inFlight.decrementAndGet();
            }
            events.fetchFinished(Duration.ofNanos(System.nanoTime() - start), outcome);
            done.accept(outcome);
        });
    }

    private static TaskOutcome failed(FetchTask task, FailureReason reason, String message) {
        TaskOutcome.Failed failed = new TaskOutcome.Failed(reason, message, List.of());
        return task.repositoryImport()
                ? new TaskOutcome.RepositoryOutcome(Optional.of(failed), List.of(), List.of())
                : new TaskOutcome.ImageOutcome(failed);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
