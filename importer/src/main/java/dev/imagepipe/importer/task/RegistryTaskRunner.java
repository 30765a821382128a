package dev.imagepipe.importer.task;

import dev.imagepipe.importer.fetch.FetchRequest;
import dev.imagepipe.importer.fetch.FetchResult;
import dev.imagepipe.importer.fetch.ImageFetcher;
import dev.imagepipe.importer.fetch.KnownDigests;
import dev.imagepipe.importer.fetch.Observation;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.policy.GateDecision;
import dev.imagepipe.importer.policy.PullSource;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import dev.imagepipe.importer.reference.TagPriority;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.signature.DiscoveredSignature;
import dev.imagepipe.importer.signature.SignatureDiscovery;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries out one {@link FetchTask} against registries; thread-safe, one per process. Registry problems never throw: they come back as
 * {@link TaskOutcome.Failed}, per image or for a repository's tag list.
 */
public final class RegistryTaskRunner implements TaskRunner {

    private final ImageFetcher fetcher;
    private final RegistryClient client;
    private final Optional<SignatureDiscovery> signatures;
    private final CredentialSource credentials;

    /**
     * @param signatures discovers the signatures of newly fetched images; empty to skip discovery
     */
    public RegistryTaskRunner(
            ImageFetcher fetcher,
            RegistryClient client,
            Optional<SignatureDiscovery> signatures,
            CredentialSource credentials) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.client = Objects.requireNonNull(client, "client");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public TaskOutcome run(FetchTask task, TaskPolicy policy, KnownImports known) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(task.from());
        } catch (InvalidReferenceException e) {
            TaskOutcome.Failed failed =
                    new TaskOutcome.Failed(FailureReason.INVALID_REFERENCE, e.getMessage(), List.of());
            return task.repositoryImport()
                    ? new TaskOutcome.RepositoryOutcome(Optional.of(failed), List.of(), List.of())
                    : new TaskOutcome.ImageOutcome(failed);
        }
        return task.repositoryImport()
                ? repository(task, reference, policy, known)
                : new TaskOutcome.ImageOutcome(image(task, reference, policy, known));
    }

    private TaskOutcome.ImageResult image(
            FetchTask task, ImageReference reference, TaskPolicy policy, KnownImports known) {
        FetchRequest request = request(task, reference, policy);
        AtomicReference<CachedImport> hit = new AtomicReference<>();
        KnownDigests digests = known == KnownImports.NONE
                ? KnownDigests.NONE
                : (fetch, digest) -> {
                    Optional<CachedImport> cached =
                            known.find(new KnownImports.Key(digest, task.mode(), task.preferArch(), task.preferOs()));
                    cached.ifPresent(hit::set);
                    return cached.isPresent();
                };
        FetchResult result = fetcher.fetch(request, digests);
        return switch (result) {
            case FetchResult.Known knownDigest -> {
                CachedImport cached = hit.get().as(reference);
                yield new TaskOutcome.Imported(
                        cached.image(),
                        cached.children(),
                        cached.selection(),
                        knownDigest.digest(),
                        true,
                        Map.of(),
                        knownDigest.observations());
            }
            case FetchResult.Imported imported ->
                new TaskOutcome.Imported(
                        imported.image(),
                        imported.children(),
                        imported.selection(),
                        servedDigest(imported.observations(), imported.image()),
                        false,
                        task.dryRun() ? Map.of() : signaturesOf(imported, request, policy),
                        imported.observations());
            case FetchResult.Failed failed ->
                new TaskOutcome.Failed(failed.reason(), failed.message(), failed.observations());
        };
    }

    private FetchRequest request(FetchTask task, ImageReference reference, TaskPolicy policy) {
        return FetchRequest.of(reference, policy.registry())
                .withMode(task.mode())
                .withInsecure(task.insecure())
                .withPreferredPlatform(task.preferArch(), task.preferOs())
                // Raw manifests and configs always come back: the images topic keeps them for auditors, and status
                // strips them unless the spec asked (A2.8).
                .withIncludeManifest(true)
                .withCredentials(credentials.forImage(task.namespace(), reference))
                .withEventTime(task.eventTime());
    }

    /** The digest the source served: the list's for a list, which is what the next {@code HEAD} will report. */
    private static String servedDigest(List<Observation> observations, ImportedImage image) {
        return observations.stream()
                .map(Observation::outcome)
                .filter(Observation.Served.class::isInstance)
                .map(outcome -> ((Observation.Served) outcome).digest())
                .reduce((first, second) -> second)
                .orElse(image.name());
    }

    /** Signatures of the image the reference names (the list for a list kept as such), from the source that served. */
    private Map<String, List<DiscoveredSignature>> signaturesOf(
            FetchResult.Imported imported, FetchRequest request, TaskPolicy policy) {
        if (signatures.isEmpty()) {
            return Map.of();
        }
        PullSource source = imported.usedSource();
        RequestOptions options = fetcher.requestOptions(request).withInsecure(source.insecure());
        String digest = imported.image().name();
        List<DiscoveredSignature> found = signatures
                .get()
                .discover(source.candidate(), digest, options, policy.signatureStores())
                .signatures();
        return found.isEmpty() ? Map.of() : Map.of(digest, found);
    }

    private TaskOutcome repository(FetchTask task, ImageReference reference, TaskPolicy policy, KnownImports known) {
        GateDecision decision = fetcher.gate(policy.registry()).evaluate(reference, task.insecure());
        if (decision instanceof GateDecision.Rejected rejected) {
            return listingFailed(new TaskOutcome.Failed(rejected.reason(), rejected.message(), List.of()));
        }
        List<PullSource> sources = ((GateDecision.Admitted) decision).sources();
        // Tags are listed at the repository itself, always the last source: mirrors answer for digests.
        PullSource source = sources.get(sources.size() - 1);
        RequestOptions options =
                fetcher.requestOptions(request(task, reference, policy)).withInsecure(source.insecure());
        List<String> listed;
        try {
            listed = client.listTags(
                            source.candidate().v2Registry(), source.candidate().repositoryPath(), options)
                    .tags();
        } catch (RegistryException e) {
            Observation failure = new Observation(
                    source.candidate().exact(), source.mirror(), new Observation.Failure(e.reason(), e.getMessage()));
            return listingFailed(new TaskOutcome.Failed(e.reason(), e.getMessage(), List.of(failure)));
        }
        List<String> ordered = TagPriority.sort(distinctTags(listed));
        int cap = task.maxTags() < 0 ? ordered.size() : Math.min(task.maxTags(), ordered.size());
        List<TaskOutcome.TagImport> imports = ordered.subList(0, cap).stream()
                .map(tag -> new TaskOutcome.TagImport(tag, image(task, reference.withTag(tag), policy, known)))
                .toList();
        return new TaskOutcome.RepositoryOutcome(Optional.empty(), imports, ordered.subList(cap, ordered.size()));
    }

    /** De-duplicated, an empty tag read as {@code latest} (A9.2). */
    private static List<String> distinctTags(List<String> listed) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : listed) {
            tags.add(tag.isEmpty() ? ImageReference.DEFAULT_TAG : tag);
        }
        return List.copyOf(tags);
    }

    private static TaskOutcome listingFailed(TaskOutcome.Failed failed) {
        return new TaskOutcome.RepositoryOutcome(Optional.of(failed), List.of(), List.of());
    }
}
