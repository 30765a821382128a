package dev.imagepipe.cli.imports;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code --to ns/stream[:tag]} of an import: the image stream the request names (its record key {@code ns/stream})
 * and, optionally, the tag to assign.
 *
 * @param namespace the stream's namespace, a DNS label
 * @param stream the stream's name (A1.7)
 * @param tag the tag to import into, if given
 */
public record ImportTarget(String namespace, String stream, Optional<String> tag) {

    /** Kubernetes namespaces are DNS labels (RFC 1123), at most 63 characters. */
    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** Image stream names (A1.7, validation.go). */
    static final Pattern STREAM = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

    /** Tags: one word character then up to 127 of word, dot or dash (A1.1). */
    static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");

    /** {@code namespace/name} of a stream may be at most 255 characters (A1.7). */
    static final int MAX_QUALIFIED_NAME = 255;

    /**
     * Parses {@code ns/stream} or {@code ns/stream:tag}.
     *
     * @throws IllegalArgumentException saying what part is wrong
     */
    public static ImportTarget parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + text + "\" must be namespace/stream[:tag]");
        }
        String namespace = text.substring(0, slash);
        String rest = text.substring(slash + 1);
        int colon = rest.indexOf(':');
        String stream = colon < 0 ? rest : rest.substring(0, colon);
        Optional<String> tag = colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1));
        checkNamespace(namespace);
        checkStream(namespace, stream);
        tag.ifPresent(t -> {
            if (!TAG.matcher(t).matches()) {
                throw new IllegalArgumentException("tag \"" + t + "\" is invalid: use at most 128 of a-z A-Z 0-9 _ . -,"
                        + " not starting with . or -");
            }
        });
        return new ImportTarget(namespace, stream, tag);
    }

    static void checkNamespace(String namespace) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace \"" + namespace
                    + "\" is invalid: use at most 63 of a-z 0-9 -, starting and ending with a letter or digit");
        }
    }

    static void checkStream(String namespace, String stream) {
        if (!STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException(
                    "image stream name \"" + stream + "\" is invalid: use a-z 0-9 separated by single . _ or -");
        }
        if (namespace.length() + 1 + stream.length() > MAX_QUALIFIED_NAME) {
            throw new IllegalArgumentException(
                    "namespace/name \"" + namespace + "/" + stream + "\" is longer than " + MAX_QUALIFIED_NAME);
        }
    }

    /** The record key of the request and its result: {@code ns/stream}. */
    public String key() {
        return namespace + "/" + stream;
    }
}
