package dev.imagepipe.importer.reference;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An image pull spec split the way OpenShift splits it (library-go {@code reference.Parse}, A1.3): registry as written
 * (may be empty), namespace (first path component, may be empty), name (the rest, may contain {@code /}), tag and
 * digest. Values are kept as written; defaulting happens only in the derived forms that say so.
 *
 * <p>Instances come from {@link #parse(String)}; the canonical constructor only checks for nulls, so code that builds
 * one by hand is responsible for its validity.
 *
 * @param registry {@code host[:port]} as written, or empty for Docker Hub short names
 * @param namespace the first path component after the registry, or empty
 * @param name everything after the namespace; empty only for registry-only references such as {@code quay.io}
 * @param tag the tag as written; never defaulted here
 * @param digest the digest ({@code sha256:...}); always a valid digest when parsed
 */
public record ImageReference(
        String registry, String namespace, String name, Optional<String> tag, Optional<String> digest) {

    /** Docker Hub as clients name it; the registry of references written without one. */
    public static final String DOCKER_HUB = "docker.io";
    /** The legacy v1 index name of Docker Hub, still accepted in pull specs. */
    public static final String DOCKER_HUB_V1 = "index.docker.io";
    /** The host that actually serves Docker Hub's v2 API. */
    public static final String DOCKER_HUB_V2 = "registry-1.docker.io";
    /** The namespace Docker Hub puts single-component names in ({@code busybox} is {@code library/busybox}). */
    public static final String DOCKER_HUB_NAMESPACE = "library";
    /** The tag clients pull when none is written. */
    public static final String DEFAULT_TAG = "latest";

    private static final Set<String> DOCKER_HUB_NAMES = Set.of(DOCKER_HUB, DOCKER_HUB_V1, DOCKER_HUB_V2);
    private static final String HTTPS_PORT = "443";
    private static final String HTTP_PORT = "80";

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Parses a pull spec (A1.1-A1.3).
     *
     * @throws InvalidReferenceException with OpenShift's wording of the problem (A1.2)
     */
    public static ImageReference parse(String input) {
        Objects.requireNonNull(input, "input");
        ReferenceGrammar.Match match = ReferenceGrammar.match(input);
        String path = match.name();
        int slash = path.indexOf('/');
        if (slash < 0 && (path.contains(".") || path.startsWith("localhost"))) {
            // Registry only: "quay.io", or "localhost:5000" whose port the grammar first read as a tag.
            return new ImageReference(input, "", "", Optional.empty(), Optional.empty());
        }
        String registry = "";
        if (slash >= 0 && isRegistryComponent(path.substring(0, slash))) {
            registry = path.substring(0, slash);
            path = path.substring(slash + 1);
        }
        String namespace = "";
        int namespaceEnd = path.indexOf('/');
        if (namespaceEnd >= 0) {
            namespace = path.substring(0, namespaceEnd);
            path = path.substring(namespaceEnd + 1);
        }
        return new ImageReference(registry, namespace, path, match.tag(), match.digest());
    }

    private static boolean isRegistryComponent(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost");
    }

    /** Whether {@code registry} is one of Docker Hub's names ({@code docker.io}, index, registry-1). */
    public static boolean isDockerHub(String registry) {
        return DOCKER_HUB_NAMES.contains(registry);
    }

    /**
     * This reference with Docker client defaults (A1.4): registry {@code docker.io}, namespace {@code library} on
     * Docker Hub, tag {@code latest} (set even when there is a digest; {@link #mostSpecific()} drops it again).
     */
    public ImageReference withDefaults() {
        String defaultedRegistry = registry.isEmpty() ? DOCKER_HUB : registry;
        String defaultedNamespace =
                namespace.isEmpty() && isDockerHub(defaultedRegistry) ? DOCKER_HUB_NAMESPACE : namespace;
        return new ImageReference(
                defaultedRegistry, defaultedNamespace, name, Optional.of(tag.orElse(DEFAULT_TAG)), digest);
    }

    /** The most specific form: the tag is dropped when there is a digest, since the digest alone identifies it. */
    public ImageReference mostSpecific() {
        return digest.isPresent() ? new ImageReference(registry, namespace, name, Optional.empty(), digest) : this;
    }

    /**
     * The reference as imported by digest (D1 "imported reference shape"): as written, with the tag replaced by
     * {@code @digest} and no defaults added ({@code test:tag} becomes {@code test@sha256:...}).
     *
     * @throws InvalidReferenceException when {@code newDigest} is not a valid digest
     */
    public ImageReference withDigest(String newDigest) {
        Digests.problem(newDigest).ifPresent(problem -> {
            throw new InvalidReferenceException(newDigest, problem);
        });
        return new ImageReference(registry, namespace, name, Optional.empty(), Optional.of(newDigest));
    }

    /**
     * This repository, as written, at {@code newTag} and no digest: a tag listed by the registry for a repository
     * import (A9), where the reference names the repository only.
     */
    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, namespace, name, Optional.of(newTag), Optional.empty());
    }

    /**
     * The reference exactly as its parts say, no defaults: {@code [registry/][namespace/]name} then {@code @digest},
     * else {@code :tag}. A registry-only reference prints as its registry.
     */
    public String exact() {
        if (name.isEmpty()) {
            return registry;
        }
        return repositoryOf(registry, namespace)
                + digest.map(d -> "@" + d).orElse(tag.map(t -> ":" + t).orElse(""));
    }

    /** {@link #exact()} with {@code library/} inserted for Docker Hub names without a namespace (library-go String). */
    @Override
    public String toString() {
        if (namespace.isEmpty() && isDockerHub(registry)) {
            return new ImageReference(registry, DOCKER_HUB_NAMESPACE, name, tag, digest).exact();
        }
        return exact();
    }

    /**
     * The canonical repository the allow-list and caches key on (A1.5): defaults applied, tag and digest dropped, the
     * registry otherwise as written ({@code busybox:glibc} is {@code docker.io/library/busybox}).
     */
    public String repositoryKey() {
        ImageReference defaulted = withDefaults();
        return repositoryOf(defaulted.registry, defaulted.namespace);
    }

    /**
     * The repository name as the distribution library normalizes it (A1.6), on which mirror and scope matching run:
     * {@code busybox} and {@code index.docker.io/busybox} are {@code docker.io/library/busybox}.
     */
    public String normalizedName() {
        String host = registryHost();
        if (host.equals(DOCKER_HUB_V1)) {
            host = DOCKER_HUB;
        }
        if (name.isEmpty()) {
            return host;
        }
        String ns = namespace.isEmpty() && host.equals(DOCKER_HUB) ? DOCKER_HUB_NAMESPACE : namespace;
        return new ImageReference(host, ns, name, Optional.empty(), Optional.empty()).exact();
    }

    /** The registry as written, defaulted to {@code docker.io}: the name users recognise in messages. */
    public String registryHost() {
        return registry.isEmpty() ? DOCKER_HUB : registry;
    }

    /**
     * The registry to connect to: {@link #registryHost()} with {@code docker.io} and {@code index.docker.io} mapped to
     * {@code registry-1.docker.io}, the host that serves Docker Hub's v2 API.
     */
    public String v2Registry() {
        String host = registryHost();
        return host.equals(DOCKER_HUB) || host.equals(DOCKER_HUB_V1) ? DOCKER_HUB_V2 : host;
    }

    /**
     * {@code host:port} to connect to: {@link #v2Registry()} with its explicit port, else {@code 80} when
     * {@code insecure} and {@code 443} when not.
     */
    public String registryHostPort(boolean insecure) {
        return withDefaultPort(v2Registry(), insecure);
    }

    /** {@code hostOrHostPort} unchanged when it has a port, else with 80 (insecure) or 443 (secure) appended. */
    public static String withDefaultPort(String hostOrHostPort, boolean insecure) {
        if (hostOrHostPort.contains(":")) {
            return hostOrHostPort;
        }
        return hostOrHostPort + ":" + (insecure ? HTTP_PORT : HTTPS_PORT);
    }

    /**
     * The repository path on the registry, what follows {@code /v2/} in API URLs: {@code namespace/name} with Docker
     * Hub's {@code library} namespace applied ({@code busybox} is {@code library/busybox}).
     */
    public String repositoryPath() {
        ImageReference defaulted = withDefaults();
        return repositoryOf("", defaulted.namespace);
    }

    private String repositoryOf(String reg, String ns) {
        StringBuilder out = new StringBuilder();
        if (!reg.isEmpty()) {
            out.append(reg).append('/');
        }
        if (!ns.isEmpty()) {
            out.append(ns).append('/');
        }
        return out.append(name).toString();
    }
}
