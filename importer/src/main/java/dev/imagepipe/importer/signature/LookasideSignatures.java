package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.transport.RegistryErrors;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code signature-1}, {@code signature-2}, ... from a lookaside store until the first 404, at most
 * {@link SignatureLimits#MAX_LOOKASIDE_SIGNATURES}. Requests go through the store host's transport (address guard,
 * retries, body cap) and never carry registry credentials.
 */
final class LookasideSignatures {

    private LookasideSignatures() {}

    /**
     * @throws RegistryException when the store answers anything but 2xx or 404, or cannot be reached
     */
    static List<DiscoveredSignature> fetch(
            RegistryTransport transport, URI base, String repositoryPath, Digest imageDigest) {
        List<DiscoveredSignature> found = new ArrayList<>();
        for (int index = 1; index <= SignatureLimits.MAX_LOOKASIDE_SIGNATURES; index++) {
            URI uri = SignatureStores.signatureUri(base, repositoryPath, imageDigest, index);
            RegistryResponse response = transport.send(RegistryRequest.get(uri, SignatureLimits.MAX_SIGNATURE_BYTES));
            if (response.status() == 404) {
                break;
            }
            if (!response.isSuccess()) {
                throw RegistryErrors.fromResponse(response, "lookaside signature " + index, Clock.systemUTC());
            }
            found.add(DiscoveredSignature.simpleSigning(
                    imageDigest.toString(), response.body(), SignatureSource.LOOKASIDE));
        }
        return found;
    }
}
