package dev.imagepipe.importer.task;

import dev.imagepipe.importer.fetch.ImportMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned fetch as the worker runs it.
 *
 * @param taskId unique per planned fetch, for logs
 * @param namespace namespace of the target stream; selects credentials
 * @param from the reference as written
 * @param repositoryImport list tags and import the first {@code maxTags} (A9) instead of one image
 * @param maxTags {@code maxImagesBulkImportedPerRepository}; {@value #UNLIMITED} is unlimited
 * @param dryRun fetch and report only; a dry run's images are not remembered as imported
 * @param eventTime the request's time, used for every time the import records
 */
public record FetchTask(
        String taskId,
        String namespace,
        String from,
        boolean repositoryImport,
        ImportMode mode,
        boolean insecure,
        Optional<String> preferArch,
        Optional<String> preferOs,
        int maxTags,
        boolean dryRun,
        Instant eventTime) {

    public static final int UNLIMITED = -1;

    public FetchTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(preferArch, "preferArch");
        Objects.requireNonNull(preferOs, "preferOs");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
