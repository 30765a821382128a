package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;

/**
 * {@code GET /v2/<name>/manifests/<reference>} with every manifest type we understand in {@code Accept}; returns the
 * raw bytes (capped at {@link BodyLimits#MANIFEST}) for the {@code manifest} package to verify and parse.
 */
public final class GetManifest {

    private GetManifest() {}

    public static RawManifest get(RemoteRepository repository, String reference) {
        RemoteRepository.requireReference(reference);
        RegistryRequest request = RegistryRequest.get(repository.uri("manifests/" + reference), BodyLimits.MANIFEST)
                .withHeader("Accept", MediaTypes.MANIFEST_ACCEPT);
        RegistryResponse response =
                repository.sendOrThrow(request, "manifest " + repository.describe() + ":" + reference);
        return new RawManifest(response.body(), mediaTypeOf(response), response.header("Docker-Content-Digest"));
    }

    /** {@code Content-Type} without parameters ({@code ; charset=utf-8}), lower-cased as media types compare. */
    static String mediaTypeOf(RegistryResponse response) {
        String contentType = response.header("Content-Type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
