package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.auth.Credential;
import dev.imagepipe.importer.registry.transport.TransportOptions;
import java.util.List;
import java.util.Set;

/**
 * Per-call options of {@link RegistryClient}. Start from {@link #defaults()}.
 *
 * @param transport how to talk to the host: {@code insecure}, {@code allowedPrivateHosts}, CA bundle, timeouts,
 *     retries (see {@link TransportOptions#defaults()})
 * @param credentials candidate credentials, most specific first (see {@code DockerConfig.matching}); empty means
 *     anonymous
 */
public record RequestOptions(TransportOptions transport, List<Credential> credentials) {

    public RequestOptions {
        credentials = List.copyOf(credentials);
    }

    /** Secure, anonymous, no private hosts allowed. */
    public static RequestOptions defaults() {
        return new RequestOptions(TransportOptions.defaults(), List.of());
    }

    public RequestOptions withInsecure(boolean insecure) {
        return new RequestOptions(transport.withInsecure(insecure), credentials);
    }

    public RequestOptions withAllowedPrivateHosts(Set<String> hosts) {
        return new RequestOptions(transport.withAllowedPrivateHosts(hosts), credentials);
    }

    public RequestOptions withCredentials(List<Credential> value) {
        return new RequestOptions(transport, value);
    }

    public RequestOptions withTransport(TransportOptions value) {
        return new RequestOptions(value, credentials);
    }

    /** Credentials are secrets: show how many, not which. */
    @Override
    public String toString() {
        return "RequestOptions[" + transport + ", " + credentials.size() + " credential(s)]";
    }
}
