package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.fetch.Observation;
import dev.imagepipe.importer.image.ImageMetadata;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.task.FetchTask;
import dev.imagepipe.importer.task.KnownImports;
import dev.imagepipe.importer.task.TaskOutcome;
import dev.imagepipe.importer.task.TaskPolicy;
import dev.imagepipe.importer.task.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the registry-backed runner in topology tests, where what is under test is the topology's routing,
 * ordering and state, not registries (those are covered by the fetch tests and the ITs against a real registry). It
 * answers each reference with a scripted outcome and can hold an answer back, which no real registry can be made to
 * do on cue: that is how a later request is made to finish first.
 */
final class ScriptedRunner implements TaskRunner {

    record Call(FetchTask task, TaskPolicy policy, KnownImports known) {}

    private final Map<String, CompletableFuture<TaskOutcome>> held = new ConcurrentHashMap<>();
    private final Map<String, TaskOutcome> scripted = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    /** {@code from} imports as one image with {@code digest}. */
    ScriptedRunner image(String from, String digest) {
        scripted.put(from, imported(from, digest, List.of()));
        return this;
    }

    ScriptedRunner failure(String from, FailureReason reason, String message) {
        scripted.put(from, new TaskOutcome.ImageOutcome(new TaskOutcome.Failed(reason, message, List.of())));
        return this;
    }

    ScriptedRunner outcome(String from, TaskOutcome outcome) {
        scripted.put(from, outcome);
        return this;
    }

    /** The answer for {@code from} waits until {@link #release} is called. */
    ScriptedRunner hold(String from) {
        held.put(from, new CompletableFuture<>());
        return this;
    }

    void release(String from) {
        held.get(from).complete(null);
    }

    @Override
    public TaskOutcome run(FetchTask task, TaskPolicy policy, KnownImports known) {
        calls.add(new Call(task, policy, known));
        CompletableFuture<TaskOutcome> gate = held.get(task.from());
        if (gate != null) {
            gate.join();
        }
        TaskOutcome outcome = scripted.get(task.from());
        if (outcome == null) {
            throw new IllegalStateException("nothing scripted for " + task.from());
        }
        return outcome;
    }

    static TaskOutcome.ImageOutcome imported(String from, String digest, List<ImportedImage> children) {
        ImageReference reference = ImageReference.parse(from);
        ImportedImage image = image(reference, digest);
        Observation served = new Observation(from, false, new Observation.Served(digest));
        return new TaskOutcome.ImageOutcome(
                new TaskOutcome.Imported(image, children, Optional.empty(), digest, false, Map.of(), List.of(served)));
    }

    static ImportedImage image(ImageReference reference, String digest) {
        return new ImportedImage(
                digest,
                reference.withDigest(digest).exact(),
                new ImageMetadata(digest, null, null, "amd64", "linux", null, null, null, null, 42),
                ImportedImage.METADATA_VERSION,
                "application/vnd.oci.image.manifest.v1+json",
                Optional.of("{\"schemaVersion\":2}"),
                Optional.of("{\"architecture\":\"amd64\"}"),
                List.of(),
                List.of(),
                Map.of(ImportedImage.LAYERS_ORDER_ANNOTATION, ImportedImage.LAYERS_ORDER_ASCENDING));
    }

    static String digest(char fill) {
        return "sha256:" + String.valueOf(fill).repeat(64);
    }
}
