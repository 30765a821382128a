package dev.imagepipe.importer.signature;

import java.util.List;

/**
 * What {@link SignatureDiscovery#discover} found.
 *
 * @param signatures every signature found, lookaside first, then extension, then cosign; de-duplicated by name
 * @param failures the sources that could not be read; the signatures of the others are still returned
 */
public record DiscoveryResult(List<DiscoveredSignature> signatures, List<SourceFailure> failures) {

    public DiscoveryResult {
        signatures = List.copyOf(signatures);
        failures = List.copyOf(failures);
    }
}
