package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.image.ChildManifest;
import dev.imagepipe.importer.image.ImageAssembler;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.image.PlatformChooser;
import dev.imagepipe.importer.image.PlatformSelection;
import dev.imagepipe.importer.policy.GateDecision;
import dev.imagepipe.importer.policy.ImportPolicyGate;
import dev.imagepipe.importer.policy.PullSource;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.Manifest;
import dev.imagepipe.importer.registry.manifest.ManifestList;
import dev.imagepipe.importer.registry.manifest.Manifests;
import dev.imagepipe.importer.registry.manifest.PlatformManifest;
import dev.imagepipe.importer.registry.remote.ManifestDescriptor;
import dev.imagepipe.importer.registry.remote.RawManifest;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches one image reference and converts it into Images: policy gate, then each pull source in order (mirrors first,
 * the source last) until one succeeds (A5.4). One per process; thread-safe, as {@link RegistryClient} is.
 *
 * <p>Per source: a {@code HEAD} first when the reference is a tag and the caller supplied {@link KnownDigests} (a known
 * digest ends the fetch there); otherwise {@code GET} the manifest, verify it (digest references against the digest,
 * tags against {@code Docker-Content-Digest} when sent), parse it, fetch the config blob of a single image, and for a
 * list fetch the Legacy-chosen child or, PreserveOriginal, every child, all by digest from the same source (A8).
 *
 * <p>Registry, policy and integrity problems never throw: they become {@link FetchResult.Failed} with the reason users
 * see. Every Image's {@code dockerImageReference} is the reference as the user wrote it {@code @digest}, whichever
 * source served it (A5.4.7).
 */
public final class ImageFetcher {

    /**
     * How deep lists may nest. A list's children use Legacy rules (A8.2), so a list inside a list collapses to one
     * platform; anything deeper is not something a registry serves in practice and is refused rather than followed.
     */
    static final int MAX_LIST_DEPTH = 2;

    private final RegistryClient client;
    private final PlatformChooser chooser;
    private final RequestOptions baseOptions;

    /**
     * @param client the process's registry client
     * @param chooser chooses the child of a list in Legacy mode
     * @param baseOptions transport settings (timeouts, retries, CA bundle) and any private hosts allowed beyond those
     *     the policy names; {@code insecure} and credentials are set per request
     */
    private record PolicyGate(RegistryPolicy policy, ImportPolicyGate gate) {}

    private final AtomicReference<PolicyGate> lastGate = new AtomicReference<>();

    public ImageFetcher(RegistryClient client, PlatformChooser chooser, RequestOptions baseOptions) {
        this.client = Objects.requireNonNull(client, "client");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        this.baseOptions = Objects.requireNonNull(baseOptions, "baseOptions");
    }

    /** Fetches with nothing known: every fetch GETs the manifest. */
    public FetchResult fetch(FetchRequest request) {
        return fetch(request, KnownDigests.NONE);
    }

    /**
     * Evaluates the request's policy, then fetches.
     *
     * @throws IllegalArgumentException when the policy holds an invalid allow-list entry or scope (validate policies
     *     when they are accepted, not per image)
     */
    public FetchResult fetch(FetchRequest request, KnownDigests known) {
        GateDecision decision = gate(request.policy()).evaluate(request.reference(), request.insecure());
        return switch (decision) {
            case GateDecision.Rejected rejected ->
                new FetchResult.Failed(rejected.reason(), rejected.message(), List.of());
            case GateDecision.Admitted admitted -> fetch(request, admitted, known);
        };
    }

    /**
     * The gate of {@code policy}. Building one parses the allow-list and merges the mirror sets; policies change
     * rarely, so the gate of the last policy seen is kept and reused while requests carry an equal policy.
     */
    public ImportPolicyGate gate(RegistryPolicy policy) {
        PolicyGate current = lastGate.get();
        if (current != null && current.policy().equals(policy)) {
            return current.gate();
        }
        ImportPolicyGate gate = new ImportPolicyGate(policy);
        lastGate.set(new PolicyGate(policy, gate));
        return gate;
    }

    /** Fetches from pull sources the caller already obtained from {@link ImportPolicyGate}. */
    public FetchResult fetch(FetchRequest request, GateDecision.Admitted admitted, KnownDigests known) {
        RequestOptions options = requestOptions(request);
        List<Observation> observations = new ArrayList<>();
        for (PullSource source : admitted.sources()) {
            try {
                Attempt attempt =
                        new SourceFetch(request, source, options.withInsecure(source.insecure())).fetch(known);
                observations.add(Observation.of(source, new Observation.Served(attempt.digest())));
                return attempt.complete(observations);
            } catch (RegistryException failure) {
                observations.add(Observation.of(source, failureOf(failure)));
            }
        }
        return FetchFailures.aggregate(observations);
    }

    /**
     * The options every request of {@code request} is made with, for callers that reach the same registry for related
     * work (tag lists, signatures): the policy's named hosts may resolve to private addresses (test and in-cluster
     * registries), and so may the caller's; the policy's extra CA bundle is trusted. {@code insecure} is left to the
     * pull source.
     */
    public RequestOptions requestOptions(FetchRequest request) {
        Set<String> allowedPrivate = new HashSet<>(baseOptions.transport().allowedPrivateHosts());
        allowedPrivate.addAll(request.policy().registryHostsAllowedPrivate());
        RequestOptions options =
                baseOptions.withAllowedPrivateHosts(allowedPrivate).withCredentials(request.credentials());
        return request.policy()
                .additionalTrustedCA()
                .map(pem -> options.withTransport(options.transport().withExtraCaBundlePem(pem)))
                .orElse(options);
    }

    private static Observation.Failure failureOf(RegistryException failure) {
        String message = failure.getMessage() == null ? failure.reason().statusReason() : failure.getMessage();
        return new Observation.Failure(failure.reason(), message);
    }

    /** What one source produced: the digest it resolved the reference to, and the result once observations are in. */
    private record Attempt(String digest, FetchResult result) {

        FetchResult complete(List<Observation> observations) {
            return switch (result) {
                case FetchResult.Imported imported ->
                    new FetchResult.Imported(
                            imported.image(),
                            imported.children(),
                            imported.selection(),
                            imported.usedSource(),
                            observations);
                case FetchResult.Known knownDigest ->
                    new FetchResult.Known(knownDigest.digest(), knownDigest.usedSource(), observations);
                case FetchResult.Failed failed ->
                    new FetchResult.Failed(failed.reason(), failed.message(), observations);
            };
        }
    }

    /** One attempt at one pull source; every request goes to that source's registry and repository. */
    private final class SourceFetch {

        private final FetchRequest request;
        private final PullSource source;
        private final RequestOptions options;
        private final String registry;
        private final String repository;

        SourceFetch(FetchRequest request, PullSource source, RequestOptions options) {
            this.request = request;
            this.source = source;
            this.options = options;
            this.registry = source.candidate().v2Registry();
            this.repository = source.candidate().repositoryPath();
        }

        Attempt fetch(KnownDigests known) {
            ImageReference candidate = source.candidate();
            Optional<String> requestedDigest = candidate.digest();
            String reference = requestedDigest.orElse(candidate.tag().orElse(ImageReference.DEFAULT_TAG));
            if (requestedDigest.isEmpty() && known != KnownDigests.NONE) {
                ManifestDescriptor head = client.head(registry, repository, reference, options);
                Optional<String> headDigest = head.digest().filter(digest -> known.contains(request, digest));
                if (headDigest.isPresent()) {
                    return new Attempt(headDigest.get(), new FetchResult.Known(headDigest.get(), source, List.of()));
                }
            }
            RawManifest raw = client.getManifest(registry, repository, reference, options);
            Digest digest = verify(raw, requestedDigest.or(raw::dockerContentDigest));
            Manifest manifest = Manifests.parse(raw.mediaType(), raw.bytes());
            FetchResult.Imported imported =
                    switch (manifest) {
                        case ManifestList list -> list(list, digest);
                        default -> imported(single(manifest, digest), List.of(), Optional.empty());
                    };
            return new Attempt(digest.toString(), imported);
        }

        private FetchResult.Imported list(ManifestList list, Digest digest) {
            List<ChildManifest> children = ImageAssembler.children(list);
            if (request.mode() == ImportMode.LEGACY) {
                PlatformChooser.Choice choice = chooser.choose(children, request.preferArch(), request.preferOs());
                ImportedImage child = child(choice.child(), 1);
                return imported(child, List.of(), Optional.of(choice.selection()));
            }
            ImportedImage listImage =
                    ImageAssembler.list(list, digest, dockerImageReference(digest), request.eventTime());
            List<ImportedImage> fetched =
                    children.stream().map(child -> child(child, 1)).toList();
            return imported(listImage, fetched, Optional.empty());
        }

        /** A list entry fetched by digest; a nested list collapses to its Legacy choice (A8.2). */
        private ImportedImage child(ChildManifest child, int depth) {
            RawManifest raw = client.getManifest(registry, repository, child.digest(), options);
            Digest digest = verify(raw, Optional.of(child.digest()));
            Manifest manifest = Manifests.parse(raw.mediaType(), raw.bytes());
            if (manifest instanceof ManifestList nested) {
                if (depth >= MAX_LIST_DEPTH) {
                    throw new RegistryException(
                            FailureReason.UNSUPPORTED_MEDIA_TYPE,
                            "manifest list %s nests lists more than %d deep".formatted(digest, MAX_LIST_DEPTH));
                }
                List<ChildManifest> entries = ImageAssembler.children(nested);
                ChildManifest chosen = chooser.choose(entries, request.preferArch(), request.preferOs())
                        .child();
                return child(chosen, depth + 1);
            }
            return single(manifest, digest);
        }

        private ImportedImage single(Manifest manifest, Digest digest) {
            byte[] config = manifest instanceof PlatformManifest platform
                    ? client.getBlob(
                            registry, repository, platform.config().digest().toString(), options)
                    : null;
            return ImageAssembler.image(manifest, digest, config, dockerImageReference(digest));
        }

        private FetchResult.Imported imported(
                ImportedImage image, List<ImportedImage> children, Optional<PlatformSelection> selection) {
            if (!request.includeManifest()) {
                image = image.withoutManifest();
                children = children.stream().map(ImportedImage::withoutManifest).toList();
            }
            return new FetchResult.Imported(image, children, selection, source, List.of());
        }

        /** The reference as the user wrote it, by digest: never the mirror's repository (A5.4.7). */
        private String dockerImageReference(Digest digest) {
            return request.reference().withDigest(digest.toString()).exact();
        }
    }

    /**
     * Checks the manifest against {@code expected} (the requested digest, or the registry's
     * {@code Docker-Content-Digest} for a tag); without either, the manifest is named by its sha256.
     */
    static Digest verify(RawManifest raw, Optional<String> expected) {
        if (expected.isEmpty()) {
            return Manifests.parse(raw.mediaType(), raw.bytes()).digest();
        }
        Digest digest;
        try {
            digest = Digest.parse(expected.get());
        } catch (IllegalArgumentException malformed) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    "the registry sent an invalid manifest digest " + expected.get() + ": " + malformed.getMessage());
        }
        return Manifests.verify(raw.mediaType(), raw.bytes(), digest);
    }
}
