package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportStatus;
import dev.imagepipe.schemas.avro.ImportProgress;
import dev.imagepipe.schemas.avro.PendingImport;
import dev.imagepipe.schemas.avro.PendingImports;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Assembles each request's result. In: {@code ImportProgress} (key {@code ns/stream}) from two topics: the
 * expectation written at intake and each task's result. Out: {@code ImageStreamImport} (key {@code ns/stream}), with
 * {@code status.images[]} aligned with {@code spec.images[]}.
 *
 * <p>A stream's requests wait in request order and leave from the head, so results are emitted in the order requested
 * (decision 6) even when a later request finishes first. A task result may overtake its expectation (they travel on
 * different topics); it waits in the request's entry until the expectation arrives. Results already applied are
 * recognised by task id, so a redelivered one changes nothing.
 */
final class Assembler implements Processor<String, ImportProgress, String, ImageStreamImport> {

    private final ImportEvents events;
    private ProcessorContext<String, ImageStreamImport> context;
    private KeyValueStore<String, PendingImports> store;

    Assembler(ImportEvents events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, ImageStreamImport> context) {
        this.context = context;
        this.store = context.getStateStore(ImporterTopology.ASSEMBLY_STORE);
    }

    @Override
    public void process(Record<String, ImportProgress> record) {
        ImportProgress progress = record.value();
        if (progress == null) {
            return;
        }
        PendingImports state = store.get(record.key());
        List<PendingImport> pending = new ArrayList<>(state == null ? List.of() : state.getImports());
        int at = indexOf(pending, progress);
        PendingImport entry = at >= 0 ? pending.get(at) : fresh(progress);
        if (at >= 0) {
            pending.set(at, apply(entry, progress));
        } else {
            pending.add(apply(entry, progress));
            pending.sort(Comparator.comparingLong(PendingImport::getRequestOffset));
        }
        while (!pending.isEmpty() && complete(pending.get(0))) {
            ImageStreamImport result = result(pending.remove(0));
            context.forward(
                    new Record<>(record.key(), result, result.getRequestedAt().toEpochMilli()));
            events.resultEmitted(result);
        }
        if (pending.isEmpty()) {
            store.delete(record.key());
        } else {
            store.put(record.key(), new PendingImports(pending));
        }
    }

    private static int indexOf(List<PendingImport> pending, ImportProgress progress) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).getRequestId().equals(progress.getRequestId())) {
                return i;
            }
        }
        return -1;
    }

    private static PendingImport fresh(ImportProgress progress) {
        return PendingImport.newBuilder()
                .setRequestId(progress.getRequestId())
                .setRequestOffset(progress.getRequestOffset())
                .build();
    }

    private static PendingImport apply(PendingImport entry, ImportProgress progress) {
        PendingImport.Builder next = PendingImport.newBuilder(entry);
        List<ImageImportStatus> images = new ArrayList<>(entry.getImages());
        if (progress.getRequest() != null) {
            next.setRequest(progress.getRequest()).setExpectedTasks(progress.getExpectedTasks());
            grow(images, progress.getRequest().getSpec().getImages().size());
        } else if (progress.getTaskId() != null && !entry.getDoneTasks().contains(progress.getTaskId())) {
            List<String> done = new ArrayList<>(entry.getDoneTasks());
            done.add(progress.getTaskId());
            next.setDoneTasks(done);
            if (progress.getImage() != null) {
                for (int index : progress.getSpecIndexes()) {
                    grow(images, index + 1);
                    images.set(index, progress.getImage());
                }
            }
            if (progress.getRepository() != null) {
                next.setRepository(progress.getRepository());
            }
        }
        return next.setImages(images).build();
    }

    private static void grow(List<ImageImportStatus> images, int size) {
        while (images.size() < size) {
            images.add(null);
        }
    }

    private static boolean complete(PendingImport entry) {
        return entry.getRequest() != null && entry.getDoneTasks().size() >= entry.getExpectedTasks();
    }

    private static ImageStreamImport result(PendingImport entry) {
        ImageStreamImportRequest request = entry.getRequest();
        List<ImageImportSpec> specs = request.getSpec().getImages();
        List<ImageImportStatus> images = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ImageImportStatus status =
                    i < entry.getImages().size() ? entry.getImages().get(i) : null;
            images.add(
                    status == null
                            ? lost(specs.get(i))
                            : strip(status, specs.get(i).getIncludeManifest()));
        }
        RepositoryImportStatus repository = Optional.ofNullable(entry.getRepository())
                .map(status -> RepositoryImportStatus.newBuilder(status)
                        .setImages(status.getImages().stream()
                                .map(image -> strip(
                                        image, request.getSpec().getRepository().getIncludeManifest()))
                                .toList())
                        .build())
                .orElse(null);
        return ImageStreamImport.newBuilder()
                .setMetadata(request.getMetadata())
                .setSpec(request.getSpec())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(images)
                        .setRepository(repository)
                        .build())
                .setRequestedAt(request.getRequestedAt())
                // Event time, never the wall clock: replaying the same requests yields the same results (decision 3).
                .setCompletedAt(request.getRequestedAt())
                .setCause(request.getCause())
                .build();
    }

    /** Status images keep raw manifests and configs only when the spec asked (A2.8). */
    private static ImageImportStatus strip(ImageImportStatus status, boolean includeManifest) {
        if (includeManifest || status.getImage() == null) {
            return status;
        }
        return ImageImportStatus.newBuilder(status)
                .setImage(strip(status.getImage()))
                .setManifests(
                        status.getManifests().stream().map(Assembler::strip).toList())
                .build();
    }

    private static Image strip(Image image) {
        return Image.newBuilder(image)
                .setDockerImageManifest(null)
                .setDockerImageConfig(null)
                .build();
    }

    /** A10's guard: a spec image no task answered; never expected, but reported rather than lost. */
    private static ImageImportStatus lost(ImageImportSpec spec) {
        return ImageImportStatus.newBuilder()
                .setStatus(AvroStatuses.failure(
                        FailureReason.UNKNOWN,
                        "unknown error while importing \"%s\" with import mode \"%s\", please try again."
                                .formatted(
                                        spec.getFrom().getName(),
                                        spec.getImportPolicy().getImportMode())))
                .build();
    }
}
