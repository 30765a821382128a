package dev.imagepipe.importer.registry.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryErrors;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication for one (registry, repository, scope): sends requests with the current {@code Authorization}, and on
 * a 401 answers the registry's challenge (Bearer: fetch a token from the realm; Basic: send the credential) and
 * retries once, with each candidate credential in turn. Bearer tokens are reused until shortly before they expire.
 *
 * <p>A final 401 is returned to the caller, who maps it to {@code Unauthorized}. Nothing here logs or throws a
 * credential, token or header value.
 */
public final class AuthSession {

    private static final Logger log = LoggerFactory.getLogger(AuthSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The OAuth2 client id docker sends with refresh-token grants; registries log it, none check it. */
    static final String OAUTH_CLIENT_ID = "imagepipe";

    private final String registry;
    private final String repository;
    private final String scope;
    private final List<Credential> credentials;
    private final Clock clock;

    /** What we authenticate with now; null until the first challenge. */
    private State state;

    private record State(
            String authorization, Optional<BearerToken> token, Challenge challenge, Optional<Credential> credential) {}

    /**
     * @param scope the token scope, e.g. {@code repository:library/busybox:pull}
     * @param credentials candidates, most specific first; empty for anonymous access
     */
    public AuthSession(String registry, String repository, String scope, List<Credential> credentials, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.scope = scope;
        this.credentials = List.copyOf(credentials);
        this.clock = clock;
    }

    /** A pull session for {@code repository}. */
    public static AuthSession pull(String registry, String repository, List<Credential> credentials) {
        return new AuthSession(
                registry, repository, "repository:" + repository + ":pull", credentials, Clock.systemUTC());
    }

    /** Sends {@code request} authenticated, answering at most one challenge per candidate credential. */
    public RegistryResponse send(RegistryTransport transport, RegistryRequest request) {
        RegistryResponse response = transport.send(withCurrentAuthorization(transport, request));
        if (response.status() != 401) {
            return response;
        }
        List<Challenge> challenges = Challenge.parseAll(response.headers("WWW-Authenticate"));
        for (Optional<Credential> candidate : candidates()) {
            Optional<State> next = login(transport, challenges, candidate);
            if (next.isEmpty()) {
                continue;
            }
            setState(next.get());
            response = transport.send(
                    request.withHeader("Authorization", next.get().authorization()));
            if (response.status() != 401) {
                return response;
            }
        }
        setState(null);
        log.info(
                "{}/{}: no credential accepted ({} tried)",
                registry,
                repository,
                candidates().size());
        return response;
    }

    private List<Optional<Credential>> candidates() {
        if (credentials.isEmpty()) {
            return List.of(Optional.empty());
        }
        return credentials.stream().map(Optional::of).toList();
    }

    private RegistryRequest withCurrentAuthorization(RegistryTransport transport, RegistryRequest request) {
        State current = currentState();
        if (current == null) {
            return request;
        }
        if (current.token().isPresent() && !current.token().get().isUsable(clock.instant())) {
            Optional<State> renewed = fetchToken(transport, current.challenge(), current.credential());
            setState(renewed.orElse(null));
            current = renewed.orElse(null);
        }
        return current == null ? request : request.withHeader("Authorization", current.authorization());
    }

    private synchronized State currentState() {
        return state;
    }

    private synchronized void setState(State next) {
        state = next;
    }

    private Optional<State> login(
            RegistryTransport transport, List<Challenge> challenges, Optional<Credential> credential) {
        // Bearer first: a registry offering both prefers tokens, and tokens keep passwords off the registry itself.
        List<Challenge> ordered = new ArrayList<>(challenges);
        ordered.sort(Comparator.comparing((Challenge c) -> !c.isBearer()));
        for (Challenge challenge : ordered) {
            if (challenge.isBearer()) {
                return fetchToken(transport, challenge, credential);
            }
            if (challenge.isBasic() && credential.isPresent()) {
                return credential
                        .get()
                        .basicAuthorization()
                        .map(header -> new State(header, Optional.empty(), challenge, credential));
            }
        }
        return Optional.empty();
    }

    /** Fetches a token; empty when the token server rejects this credential (401/403). */
    private Optional<State> fetchToken(
            RegistryTransport transport, Challenge challenge, Optional<Credential> credential) {
        String realm = challenge
                .parameter("realm")
                .orElseThrow(() -> new RegistryException(
                        FailureReason.UNAUTHORIZED, registry + " sent a Bearer challenge without a realm"));
        URI realmUri = URI.create(realm);
        if ("http".equals(realmUri.getScheme())
                && credential.isPresent()
                && !transport.options().insecure()) {
            throw new RegistryException(
                    FailureReason.BLOCKED,
                    registry + ": token realm " + realmUri.getHost()
                            + " is plain http; credentials are not sent over it");
        }
        RegistryRequest tokenRequest = tokenRequest(realm, challenge, credential);
        RegistryResponse response = transport.send(tokenRequest);
        if (response.status() == 401 || response.status() == 403) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw RegistryErrors.fromResponse(response, "token for " + registry + "/" + repository, clock);
        }
        BearerToken token;
        try {
            token = BearerToken.fromResponse(JSON.readTree(response.body()), clock.instant());
        } catch (IOException | IllegalArgumentException e) {
            throw new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE,
                    "token server " + realmUri.getHost() + " answered without a usable token for " + registry + "/"
                            + repository);
        }
        log.debug("token for {}/{} ({}) valid until {}", registry, repository, scope, token.expiresAt());
        return Optional.of(new State("Bearer " + token.token(), Optional.of(token), challenge, credential));
    }

    private RegistryRequest tokenRequest(String realm, Challenge challenge, Optional<Credential> credential) {
        StringBuilder query = new StringBuilder();
        challenge.parameter("service").ifPresent(service -> append(query, "service", service));
        append(query, "scope", scope);
        challenge.parameter("scope").filter(s -> !s.equals(scope)).ifPresent(s -> append(query, "scope", s));
        Optional<String> refreshToken = credential.flatMap(Credential::refreshToken);
        if (refreshToken.isPresent()) {
            // Docker's convention for identity tokens: an OAuth2 refresh-token grant, POSTed to the realm.
            append(query, "grant_type", "refresh_token");
            append(query, "client_id", OAUTH_CLIENT_ID);
            append(query, "refresh_token", refreshToken.get());
            return RegistryRequest.postForm(URI.create(realm), query.toString(), BodyLimits.SMALL);
        }
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        RegistryRequest get = RegistryRequest.get(uri, BodyLimits.SMALL);
        return credential
                .flatMap(Credential::basicAuthorization)
                .map(header -> get.withHeader("Authorization", header))
                .orElse(get);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
