package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.AuthSession;
import dev.imagepipe.importer.registry.transport.RegistryErrors;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * One repository as the verbs see it: the transport of its registry host, its auth session and its name. Names and
 * references are checked against the distribution grammar before they go into a URL path.
 *
 * @param transport the registry host's transport
 * @param auth the session for this repository's pull scope
 * @param name the repository path, e.g. {@code library/busybox}
 */
public record RemoteRepository(RegistryTransport transport, AuthSession auth, String name) {

    /** distribution/reference's path grammar: lower-case components joined by {@code /}. */
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");

    public RemoteRepository {
        requireName(name);
    }

    /** Refuses names outside the distribution grammar before they reach a URL path or a session key. */
    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryException(FailureReason.INVALID_REFERENCE, "invalid repository name: " + name);
        }
    }

    /** {@code /v2/<name>/<suffix>} on the registry. */
    URI uri(String suffix) {
        return transport.uri("/v2/" + name + "/" + suffix);
    }

    /** Sends with authentication; any final status comes back. */
    RegistryResponse send(RegistryRequest request) {
        return auth.send(transport, request);
    }

    /** Sends and turns a non-2xx answer into a typed {@link RegistryException} about {@code what}. */
    RegistryResponse sendOrThrow(RegistryRequest request, String what) {
        RegistryResponse response = send(request);
        if (!response.isSuccess()) {
            throw RegistryErrors.fromResponse(response, what, Clock.systemUTC());
        }
        return response;
    }

    /** {@code registry/name}, for messages. */
    String describe() {
        return transport.registry() + "/" + name;
    }

    static void requireReference(String reference) {
        if (!TAG.matcher(reference).matches() && !isDigest(reference)) {
            throw new RegistryException(FailureReason.INVALID_REFERENCE, "invalid tag or digest: " + reference);
        }
    }

    static boolean isDigest(String reference) {
        return DIGEST.matcher(reference).matches();
    }
}
