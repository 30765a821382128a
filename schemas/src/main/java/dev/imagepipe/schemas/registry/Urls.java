package dev.imagepipe.schemas.registry;

import java.net.URI;

/** URL helpers that keep credentials out of anything printed. */
final class Urls {

    private Urls() {}

    /**
     * Returns {@code url} without user info, query or fragment, and without a trailing slash on the path, so it
     * can be printed and used as a base for API paths.
     */
    static URI redact(URI url) {
        StringBuilder b = new StringBuilder();
        b.append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            b.append(':').append(url.getPort());
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(b.append(path).toString());
    }
}
