package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import java.time.Duration;

/** What the topology reports as it works, for metrics. Called from fetch workers and stream threads alike. */
public interface ImportEvents {

    ImportEvents NONE = new ImportEvents() {};

    /** A fetch task finished on a worker, after {@code took}. */
    default void fetchFinished(Duration took, TaskOutcome outcome) {}

    /** A result left for {@code import.results}. */
    default void resultEmitted(ImageStreamImport result) {}
}
