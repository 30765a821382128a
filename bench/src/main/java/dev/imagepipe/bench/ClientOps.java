package dev.imagepipe.bench;

import dev.imagepipe.importer.image.ImageAssembler;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.Manifest;
import dev.imagepipe.importer.registry.manifest.ManifestList;
import dev.imagepipe.importer.registry.manifest.Manifests;
import dev.imagepipe.importer.registry.manifest.PlatformManifest;
import dev.imagepipe.importer.registry.remote.RawManifest;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.registry.transport.RegistryLimits;
import java.util.Optional;
import java.util.Set;

/**
 * The client under test doing what an import does: the registry client's verbs (auth handshake, limits, retries,
 * address guard, size caps), then digest verification, parsing and conversion to the Image shape.
 */
final class ClientOps implements RegistryOps, AutoCloseable {

    private final RegistryClient client = new RegistryClient();
    private final String registry;
    private final RequestOptions options;

    /**
     * The benchmark measures the client's own cost, so the registry's request rate is not limited here; concurrency
     * stays at the baseline's, which is also the default per-registry limit.
     */
    static final double UNLIMITED_RATE = 1_000_000;

    ClientOps(String registryHostPort, String loopbackHost, int concurrency) {
        RegistryLimits.configure(registryHostPort, concurrency, UNLIMITED_RATE, (int) UNLIMITED_RATE);
        this.registry = registryHostPort;
        this.options = RequestOptions.defaults().withInsecure(true).withAllowedPrivateHosts(Set.of(loopbackHost));
    }

    @Override
    public void head(String repository, String tag) {
        client.head(registry, repository, tag, options);
    }

    @Override
    public void fetchImage(String repository, String reference) {
        RawManifest raw = client.getManifest(registry, repository, reference, options);
        Manifest manifest = Manifests.parse(raw.mediaType(), raw.bytes());
        Digest digest = raw.dockerContentDigest()
                .map(d -> Manifests.verify(manifest, Digest.parse(d)))
                .orElseGet(manifest::digest);
        PlatformManifest image = (PlatformManifest) manifest;
        byte[] config =
                client.getBlob(registry, repository, image.config().digest().toString(), options);
        ImageAssembler.image(manifest, digest, config, registry + "/" + repository + "@" + digest);
    }

    @Override
    public void expand(String repository, String tag) {
        RawManifest raw = client.getManifest(registry, repository, tag, options);
        ManifestList list = (ManifestList) Manifests.parse(raw.mediaType(), raw.bytes());
        ImageAssembler.list(list, list.digest(), registry + "/" + repository + "@" + list.digest(), Optional.empty());
        for (var child : list.manifests()) {
            fetchImage(repository, child.digest().toString());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
