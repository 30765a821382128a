package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.Challenge;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryErrors;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /v2/}: is this a v2 registry, and how does it want us to authenticate. Per OpenShift's registry client
 * (A6.3), a response without {@code Docker-Distribution-API-Version} counts only when it is 2xx, 401 or 403.
 */
public final class Ping {

    public static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";

    /**
     * The outcome of a ping.
     *
     * @param status the status of {@code /v2/} (200, or 401 when authentication is needed)
     * @param apiVersion the {@code Docker-Distribution-API-Version} header, empty when absent
     * @param challenges the authentication challenges offered
     */
    public record Result(int status, String apiVersion, List<Challenge> challenges) {
        public boolean requiresAuthentication() {
            return status == 401;
        }
    }

    private Ping() {}

    /** Pings the transport's registry, unauthenticated. */
    public static Result ping(RegistryTransport transport) {
        RegistryResponse response = transport.send(RegistryRequest.get(transport.uri("/v2/"), BodyLimits.SMALL));
        String apiVersion = response.header(API_VERSION_HEADER).orElse("");
        int status = response.status();
        boolean acceptable = !apiVersion.isEmpty() || response.isSuccess() || status == 401 || status == 403;
        if (!acceptable && status >= 500) {
            throw RegistryErrors.fromResponse(response, "ping " + transport.registry(), Clock.systemUTC());
        }
        if (!acceptable) {
            throw new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE,
                    transport.registry() + " does not support v2 API (GET /v2/ answered " + status + ")",
                    status,
                    List.of(),
                    false,
                    null,
                    null);
        }
        return new Result(status, apiVersion, Challenge.parseAll(response.headers("WWW-Authenticate")));
    }
}
