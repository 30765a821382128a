package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;

/** {@code HEAD /v2/<name>/manifests/<reference>}: digest, media type and size without the body (HEAD first). */
public final class HeadManifest {

    private HeadManifest() {}

    public static ManifestDescriptor head(RemoteRepository repository, String reference) {
        RemoteRepository.requireReference(reference);
        RegistryRequest request = RegistryRequest.head(repository.uri("manifests/" + reference))
                .withHeader("Accept", MediaTypes.MANIFEST_ACCEPT);
        RegistryResponse response =
                repository.sendOrThrow(request, "manifest " + repository.describe() + ":" + reference);
        long size = response.header("Content-Length").map(Long::parseLong).orElse(-1L);
        return new ManifestDescriptor(
                GetManifest.mediaTypeOf(response), response.header("Docker-Content-Digest"), size);
    }

    /** Whether a HEAD answer can stand in for a GET: only when the registry told us the digest. */
    public static boolean isComplete(ManifestDescriptor descriptor) {
        return descriptor.digest().isPresent() && !descriptor.mediaType().isEmpty();
    }
}
