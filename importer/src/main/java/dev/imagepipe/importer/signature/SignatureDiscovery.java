package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.AuthSession;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signatures of one image (A14.2), in containers/image's order:
 *
 * <ol>
 *   <li>if the registry's {@code /v2/} advertises {@code X-Registry-Supports-Signatures: 1}, the extension API;
 *       otherwise the lookaside store of the repository's scope, when one is configured;
 *   <li>then the cosign signature tag {@code sha256-<hex>.sig} (DESIGN decision 7).
 * </ol>
 *
 * <p>In: the source repository, the image digest, the request options of the import (credentials, insecure, allowed
 * private hosts) and the stores. Out: a {@link DiscoveryResult}. Missing sources are not failures; a source that
 * cannot be read is reported in {@link DiscoveryResult#failures()} (and logged) while the others still count: an import
 * never fails because of its signatures. Nothing is verified.
 *
 * <p>Lookaside stores are reached through their own transports (address guard, retries, body caps), keyed by host and
 * options and closed with this object; they never receive registry credentials.
 */
public final class SignatureDiscovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignatureDiscovery.class);

    private record TransportKey(String authority, TransportOptions options) {}

    private final RegistryClient client;
    private final ConcurrentMap<TransportKey, RegistryTransport> transports = new ConcurrentHashMap<>();

    /** @param client the registry client used for the cosign tag; not closed by {@link #close()} */
    public SignatureDiscovery(RegistryClient client) {
        this.client = client;
    }

    /**
     * @param source the repository the image was imported from (tag and digest ignored)
     * @param imageDigest the image's manifest digest, {@code sha256:<hex>}
     * @throws IllegalArgumentException when {@code imageDigest} is not a supported digest
     */
    public DiscoveryResult discover(
            ImageReference source, String imageDigest, RequestOptions options, SignatureStores stores) {
        Digest digest = Digest.parse(imageDigest);
        String registry = source.v2Registry();
        String repository = source.repositoryPath();
        List<SourceFailure> failures = new ArrayList<>();
        Map<String, DiscoveredSignature> found = new LinkedHashMap<>();

        RegistryTransport registryTransport = transport(registry, options.transport());
        boolean extension = attempt(
                        SignatureSource.REGISTRY_EXTENSION,
                        () -> ExtensionSignatures.supported(registryTransport),
                        failures)
                .orElse(false);
        if (extension) {
            AuthSession auth = AuthSession.pull(registry, repository, options.credentials());
            attempt(
                            SignatureSource.REGISTRY_EXTENSION,
                            () -> ExtensionSignatures.fetch(registryTransport, auth, repository, digest),
                            failures)
                    .ifPresent(list -> addAll(found, list));
        } else {
            stores.lookasideBase(source).ifPresent(base -> attempt(
                            SignatureSource.LOOKASIDE,
                            () -> LookasideSignatures.fetch(
                                    lookasideTransport(base, options), base, repository, digest),
                            failures)
                    .ifPresent(list -> addAll(found, list)));
        }
        attempt(
                        SignatureSource.COSIGN_TAG,
                        () -> CosignSignatures.fetch(client, registry, repository, digest, options),
                        failures)
                .ifPresent(list -> addAll(found, list));
        return new DiscoveryResult(List.copyOf(found.values()), failures);
    }

    private static void addAll(Map<String, DiscoveredSignature> found, List<DiscoveredSignature> signatures) {
        signatures.forEach(signature -> found.putIfAbsent(signature.name(), signature));
    }

    private static <T> Optional<T> attempt(SignatureSource source, Supplier<T> read, List<SourceFailure> failures) {
        try {
            return Optional.of(read.get());
        } catch (RegistryException e) {
            log.warn("signature source {} failed: {}", source, e.getMessage());
            failures.add(new SourceFailure(source, e.reason(), e.getMessage()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            log.warn("signature source {} failed: {}", source, e.getMessage());
            failures.add(new SourceFailure(source, FailureReason.INTEGRITY_MISMATCH, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A lookaside store's transport: the import's private-host allow-list and timeouts apply; plain {@code http} is
     * allowed when the store says so, since the signatures are verified, not trusted for their transport.
     */
    private RegistryTransport lookasideTransport(URI base, RequestOptions options) {
        boolean http = "http".equals(base.getScheme());
        return transport(base.getRawAuthority(), options.transport().withInsecure(http));
    }

    private RegistryTransport transport(String authority, TransportOptions options) {
        return transports.computeIfAbsent(
                new TransportKey(authority, options), key -> RegistryTransport.create(authority, options));
    }

    /** Closes the transports this object opened (not the registry client). */
    @Override
    public void close() {
        transports.values().forEach(RegistryTransport::close);
        transports.clear();
    }
}
