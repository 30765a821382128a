package dev.imagepipe.importer.registry.transport;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * A complete response: status, headers, the body (empty for HEAD) and the URI that answered after redirects.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body the body, at most the request's cap
 * @param uri the URI of the last hop
 */
public record RegistryResponse(int status, HttpHeaders headers, byte[] body, URI uri) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return status + " from " + uri + " (" + body.length + " bytes)";
    }
}
