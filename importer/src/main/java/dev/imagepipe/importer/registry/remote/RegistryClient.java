package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.auth.AuthSession;
import dev.imagepipe.importer.registry.auth.Credential;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The porcelain: one per process, holding one transport (HTTP client) per registry host and settings, and one auth
 * session per (registry, repository, scope, credentials) so tokens are reused until they expire. Each method is one
 * verb; failures are {@link dev.imagepipe.importer.registry.RegistryException}s with a {@code FailureReason}.
 */
public final class RegistryClient implements AutoCloseable {

    private record TransportKey(String registry, TransportOptions options) {}

    private record SessionKey(String registry, String repository, String scope, List<Credential> credentials) {}

    private final ConcurrentMap<TransportKey, RegistryTransport> transports = new ConcurrentHashMap<>();
    private final ConcurrentMap<SessionKey, AuthSession> sessions = new ConcurrentHashMap<>();

    /** {@code GET /v2/} on {@code registry} ({@code host[:port]}). */
    public Ping.Result ping(String registry, RequestOptions options) {
        return Ping.ping(transport(registry, options));
    }

    /** The manifest's digest, media type and size, from a HEAD. */
    public ManifestDescriptor head(String registry, String repository, String reference, RequestOptions options) {
        return HeadManifest.head(repository(registry, repository, options), reference);
    }

    /** The manifest's raw bytes and media type; unverified (the manifest package verifies digests). */
    public RawManifest getManifest(String registry, String repository, String reference, RequestOptions options) {
        return GetManifest.get(repository(registry, repository, options), reference);
    }

    /** A small blob (an image config), verified against {@code digest}. */
    public byte[] getBlob(String registry, String repository, String digest, RequestOptions options) {
        return GetBlob.get(repository(registry, repository, options), digest);
    }

    /** Every tag of the repository, up to {@link ListTags#MAX_TAGS}. */
    public TagList listTags(String registry, String repository, RequestOptions options) {
        return ListTags.list(repository(registry, repository, options));
    }

    private RemoteRepository repository(String registry, String repository, RequestOptions options) {
        RemoteRepository.requireName(repository);
        String scope = "repository:" + repository + ":pull";
        AuthSession session = sessions.computeIfAbsent(
                new SessionKey(registry, repository, scope, options.credentials()),
                key -> AuthSession.pull(registry, repository, options.credentials()));
        return new RemoteRepository(transport(registry, options), session, repository);
    }

    private RegistryTransport transport(String registry, RequestOptions options) {
        return transports.computeIfAbsent(
                new TransportKey(registry, options.transport()),
                key -> RegistryTransport.create(registry, options.transport()));
    }

    /** Closes every transport, cancelling in-flight requests and stopping HTTP client threads. */
    @Override
    public void close() {
        transports.values().forEach(RegistryTransport::close);
        transports.clear();
        sessions.clear();
    }
}
