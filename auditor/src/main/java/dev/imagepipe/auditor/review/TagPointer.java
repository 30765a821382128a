package dev.imagepipe.auditor.review;

import java.util.Objects;

/**
 * Where an image stream tag points now: the image of the newest item of its history.
 *
 * @param namespace the stream's namespace
 * @param stream the stream's name
 * @param tag the tag's name
 * @param digest the image of the tag's newest history item
 */
public record TagPointer(String namespace, String stream, String tag, String digest) {

    public TagPointer {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** The {@code tags} topic's key for this tag, {@code ns/stream:tag}. */
    public String key() {
        return key(namespace, stream, tag);
    }

    /** The {@code tags} topic's key for a tag, {@code ns/stream:tag}. */
    public static String key(String namespace, String stream, String tag) {
        return namespace + "/" + stream + ":" + tag;
    }
}
