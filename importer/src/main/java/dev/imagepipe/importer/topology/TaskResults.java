package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.fetch.Observation;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.schemas.avro.ImportProgress;
import dev.imagepipe.schemas.avro.ImportTask;
import dev.imagepipe.schemas.avro.RegistryObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards what one finished task produced, every record stamped with the request's event time: the Images newly
 * fetched (not for dry runs, and not again for cached imports), one observation per pull source tried, and the task's
 * status for the assembler.
 */
final class TaskResults {

    private final ProcessorContext<String, SpecificRecord> context;

    TaskResults(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    /** @return the images imported, for the caller to remember */
    List<TaskOutcome.Imported> forward(ImportTask task, TaskOutcome outcome) {
        Instant eventTime = task.getRequestedAt();
        ImageReference reference = ImageReference.parse(task.getFrom());
        List<TaskOutcome.Imported> imported = new ArrayList<>();
        ImportProgress.Builder progress = ImportProgress.newBuilder()
                .setRequestId(task.getRequestId())
                .setRequestOffset(task.getRequestOffset())
                .setTaskId(task.getTaskId())
                .setSpecIndexes(task.getSpecIndexes());
        switch (outcome) {
            case TaskOutcome.ImageOutcome image -> {
                images(task, image.result(), imported);
                observations(task, reference, image.result());
                Optional<String> tag = reference.digest().isPresent() ? Optional.empty() : tagOf(reference);
                progress.setImage(AvroStatuses.image(image.result(), tag, true, eventTime));
            }
            case TaskOutcome.RepositoryOutcome repository -> {
                repository.listing().ifPresent(failed -> observations(task, reference, failed));
                for (TaskOutcome.TagImport tag : repository.tags()) {
                    images(task, tag.result(), imported);
                    observations(task, reference.withTag(tag.tag()), tag.result());
                }
                progress.setRepository(AvroStatuses.repository(repository, true, eventTime));
            }
        }
        send(task.getRequestKey(), progress.build(), eventTime);
        return imported;
    }

    private void images(ImportTask task, TaskOutcome.ImageResult result, List<TaskOutcome.Imported> imported) {
        if (!(result instanceof TaskOutcome.Imported done) || done.cached()) {
            return;
        }
        imported.add(done);
        if (task.getDryRun()) {
            return;
        }
        for (ImportedImage image : done.allImages()) {
            var signatures = done.signatures().getOrDefault(image.name(), List.of());
            send(image.name(), AvroImages.toAvro(image, task.getRequestedAt(), signatures), task.getRequestedAt());
        }
    }

    private void observations(ImportTask task, ImageReference requested, TaskOutcome.ImageResult result) {
        Optional<ImportedImage> image =
                result instanceof TaskOutcome.Imported done ? Optional.of(done.image()) : Optional.empty();
        for (Observation observation : result.observations()) {
            RegistryObservation.Builder record = RegistryObservation.newBuilder()
                    .setRepository(requested.repositoryKey())
                    .setTag(
                            requested.digest().isPresent()
                                    ? null
                                    : tagOf(requested).orElse(null))
                    .setDigest(requested.digest().orElse(null))
                    .setPullSource(observation.candidate())
                    .setViaMirror(observation.mirror())
                    .setRequestUid(task.getRequestUid())
                    .setObservedAt(task.getRequestedAt());
            switch (observation.outcome()) {
                case Observation.Served served -> {
                    record.setResolvedDigest(served.digest());
                    image.filter(found -> found.name().equals(served.digest()))
                            .ifPresent(found -> record.setMediaType(found.manifestMediaType()));
                }
                case Observation.Failure failure ->
                    record.setFailure(AvroStatuses.failure(failure.reason(), failure.message()));
            }
            send(requested.repositoryKey(), record.build(), task.getRequestedAt());
        }
    }

    private void send(String key, SpecificRecord value, Instant eventTime) {
        context.forward(new Record<>(key, value, eventTime.toEpochMilli()));
    }

    private static Optional<String> tagOf(ImageReference reference) {
        return Optional.of(reference.tag().orElse(ImageReference.DEFAULT_TAG));
    }
}
