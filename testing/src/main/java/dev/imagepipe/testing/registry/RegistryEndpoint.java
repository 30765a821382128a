package dev.imagepipe.testing.registry;

import java.net.URI;

/**
 * Where a plain-HTTP test registry listens.
 *
 * @param host host name or address clients connect to
 * @param port TCP port
 */
public record RegistryEndpoint(String host, int port) {

    public RegistryEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port}, the registry part of an image reference. */
    public String hostPort() {
        return host + ":" + port;
    }

    /** {@code http://host:port}, no trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + hostPort());
    }

    /** The API URI for a path below {@code /v2/}, e.g. {@code v2("library/app/manifests/1")}. */
    public URI v2(String path) {
        return URI.create(baseUri() + "/v2/" + path);
    }

    /** A full image reference on this registry, e.g. {@code 127.0.0.1:5000/library/app:1}. */
    public String reference(String repository, String tagOrDigest) {
        String separator = tagOrDigest.contains(":") ? "@" : ":";
        return hostPort() + "/" + repository + separator + tagOrDigest;
    }
}
