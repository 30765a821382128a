package dev.imagepipe.importer.task;

/**
 * Carries out fetch tasks; called from fetch worker threads, so implementations are thread-safe. Registry problems
 * come back as failures inside the outcome, never as exceptions.
 */
@FunctionalInterface
public interface TaskRunner {

    TaskOutcome run(FetchTask task, TaskPolicy policy, KnownImports known);
}
