package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code allowedRegistriesForImport} as OpenShift's registry whitelister applies it (A3): {@code host:port} glob
 * patterns in configured order, Docker Hub's aliases folded onto {@code docker.io}, and rejection messages worded as
 * OpenShift words them so users recognise them.
 *
 * <p>Build one with {@link #forPolicy} (empty list allows everything, the internal registry is always allowed) or with
 * {@link #builder()} for a literal list.
 */
public final class AllowList {

    /** How a registry is reached: decides the port a bare host stands for. */
    public enum Transport {
        /** HTTPS: a bare host means port 443. */
        SECURE,
        /** Plain HTTP: a bare host means port 80. */
        INSECURE,
        /** Either: a bare host entry allows both ports, a bare host to admit has no known port. */
        ANY
    }

    /** OpenShift lists at most this many patterns in a rejection, so messages stay readable. */
    static final int SHOWN_PATTERNS = 5;

    private static final String HTTPS_PORT = "443";
    private static final String HTTP_PORT = "80";
    /** Ports a pattern must allow to admit a host whose port is unknown (transport {@code ANY}, no port written). */
    private static final Set<String> PORTS_FOR_UNKNOWN = Set.of(HTTP_PORT, HTTPS_PORT, "*");

    private record Pattern(String host, String port) {
        String display() {
            return host + ":" + port;
        }
    }

    private final List<Pattern> patterns;

    private AllowList(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The allow-list a policy means: its entries, or every registry when there are none ({@code *:*}), plus the
     * internal registry as a secure host, which imports may always use.
     *
     * @throws IllegalArgumentException when an entry has more than one colon
     */
    public static AllowList forPolicy(List<AllowedRegistry> entries, Optional<String> internalRegistryHostname) {
        Builder builder = builder();
        if (entries.isEmpty()) {
            builder.allow("*:*", Transport.ANY);
        }
        for (AllowedRegistry entry : entries) {
            builder.allow(entry.domainName(), entry.insecure() ? Transport.INSECURE : Transport.SECURE);
        }
        internalRegistryHostname.filter(h -> !h.isEmpty()).ifPresent(h -> builder.allow(h, Transport.SECURE));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects patterns in order, ignoring duplicates. An empty builder allows nothing. */
    public static final class Builder {
        private final Set<Pattern> patterns = new LinkedHashSet<>();

        private Builder() {}

        /**
         * Allows {@code domainName}: {@code host:port} literally, a bare host on 443 ({@code SECURE}), 80
         * ({@code INSECURE}) or both ({@code ANY}).
         *
         * @throws IllegalArgumentException {@code failed to parse allowed registry "<x>": too many colons}
         */
        public Builder allow(String domainName, Transport transport) {
            String[] parts = domainName.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException(
                        "failed to parse allowed registry \"" + domainName + "\": too many colons");
            }
            if (parts.length == 2) {
                patterns.add(new Pattern(parts[0], parts[1]));
                return this;
            }
            if (transport != Transport.INSECURE) {
                patterns.add(new Pattern(domainName, HTTPS_PORT));
            }
            if (transport != Transport.SECURE) {
                patterns.add(new Pattern(domainName, HTTP_PORT));
            }
            return this;
        }

        public AllowList build() {
            return new AllowList(new ArrayList<>(patterns));
        }
    }

    /** The patterns as {@code host:port}, in the order they are matched and listed. */
    public List<String> patterns() {
        return patterns.stream().map(Pattern::display).toList();
    }

    /**
     * Why a reference's registry is not allowed, or empty when it is. The registry is the one written in the
     * reference ({@code docker.io} when none is).
     */
    public Optional<String> rejection(ImageReference reference, Transport transport) {
        return rejection(reference.registry(), transport);
    }

    /**
     * Why {@code registry} ({@code host} or {@code host:port}, empty meaning Docker Hub) is not allowed over
     * {@code transport}, or empty when it is: {@code registry "<name>" not allowed by whitelist: "<h:p>", ...}.
     */
    public Optional<String> rejection(String registry, Transport transport) {
        Objects.requireNonNull(registry, "registry");
        String host = registry.isEmpty() ? ImageReference.DOCKER_HUB : registry;
        String port = "";
        int colon = host.indexOf(':');
        if (colon >= 0) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        }
        if (port.isEmpty() && transport != Transport.ANY) {
            port = transport == Transport.SECURE ? HTTPS_PORT : HTTP_PORT;
        }
        if (isDockerHubAlias(host) && matches(ImageReference.DOCKER_HUB, port) || matches(host, port)) {
            return Optional.empty();
        }
        String shown = registry.isEmpty() ? (port.isEmpty() ? host : host + ":" + port) : registry;
        return Optional.of(describeRejection(shown));
    }

    private static boolean isDockerHubAlias(String host) {
        return host.equals(ImageReference.DOCKER_HUB_V1) || host.equals(ImageReference.DOCKER_HUB_V2);
    }

    private boolean matches(String host, String port) {
        for (Pattern pattern : patterns) {
            if (!Wildcard.matches(pattern.host(), host)) {
                continue;
            }
            if (port.isEmpty() ? PORTS_FOR_UNKNOWN.contains(pattern.port()) : Wildcard.matches(pattern.port(), port)) {
                return true;
            }
        }
        return false;
    }

    private String describeRejection(String registry) {
        if (patterns.isEmpty()) {
            return "registry \"" + registry + "\" not allowed by empty whitelist";
        }
        boolean truncated = patterns.size() > SHOWN_PATTERNS;
        int shown = truncated ? SHOWN_PATTERNS - 1 : patterns.size();
        List<String> listed = new ArrayList<>();
        for (Pattern pattern : patterns.subList(0, shown)) {
            listed.add("\"" + pattern.display() + "\"");
        }
        if (truncated) {
            listed.add("and " + (patterns.size() - shown) + " more ...");
        }
        return "registry \"" + registry + "\" not allowed by whitelist: " + String.join(", ", listed);
    }
}
