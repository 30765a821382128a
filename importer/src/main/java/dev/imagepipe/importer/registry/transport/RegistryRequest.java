package dev.imagepipe.importer.registry.transport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a registry: method, absolute URI, headers (including any {@code Authorization}) and the body cap.
 *
 * @param method {@code GET} or {@code HEAD}
 * @param uri absolute URI
 * @param headers request headers
 * @param bodyCap the most response-body bytes accepted (see {@link BodyLimits})
 * @param body a request body (token requests only: the OAuth2 refresh-token form)
 */
public record RegistryRequest(
        String method, URI uri, Map<String, String> headers, long bodyCap, Optional<byte[]> body) {

    public RegistryRequest {
        headers = Map.copyOf(headers);
    }

    public RegistryRequest(String method, URI uri, Map<String, String> headers, long bodyCap) {
        this(method, uri, headers, bodyCap, Optional.empty());
    }

    /** A {@code POST} of an {@code application/x-www-form-urlencoded} body. */
    public static RegistryRequest postForm(URI uri, String form, long bodyCap) {
        return new RegistryRequest(
                "POST",
                uri,
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                bodyCap,
                Optional.of(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static RegistryRequest get(URI uri, long bodyCap) {
        return new RegistryRequest("GET", uri, Map.of(), bodyCap);
    }

    public static RegistryRequest head(URI uri) {
        return new RegistryRequest("HEAD", uri, Map.of(), 0);
    }

    public RegistryRequest withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new RegistryRequest(method, uri, copy, bodyCap, body);
    }

    public RegistryRequest withoutHeader(String name) {
        var copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(key -> key.equalsIgnoreCase(name));
        return new RegistryRequest(method, uri, copy, bodyCap, body);
    }

    public RegistryRequest withUri(URI newUri) {
        return new RegistryRequest(method, newUri, headers, bodyCap, body);
    }

    /** Never prints header values or the query: either may hold credentials (signed blob URLs, tokens). */
    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
