package dev.imagepipe.auditor.log;

import java.util.Comparator;
import java.util.Objects;

/**
 * A tag of a stream: the key of {@code tags} and {@code tag.events}, {@code namespace/stream:tag}.
 *
 * @param namespace the stream's namespace
 * @param stream the stream's name
 * @param tag the tag's name
 */
public record TagKey(String namespace, String stream, String tag) implements Comparable<TagKey> {

    private static final Comparator<TagKey> ORDER = Comparator.comparing(TagKey::namespace)
            .thenComparing(TagKey::stream)
            .thenComparing(TagKey::tag);

    public TagKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * Parses {@code ns/stream:tag}.
     *
     * @throws IllegalArgumentException when {@code text} is not of that form
     */
    public static TagKey parse(String text) {
        int slash = text.indexOf('/');
        int colon = text.lastIndexOf(':');
        if (slash <= 0 || colon <= slash + 1 || colon == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not of the form namespace/stream:tag");
        }
        return new TagKey(text.substring(0, slash), text.substring(slash + 1, colon), text.substring(colon + 1));
    }

    /** {@code namespace/stream}: the key of {@code streams} and {@code import.results}. */
    public String streamKey() {
        return namespace + "/" + stream;
    }

    @Override
    public int compareTo(TagKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code namespace/stream:tag}. */
    @Override
    public String toString() {
        return streamKey() + ":" + tag;
    }
}
