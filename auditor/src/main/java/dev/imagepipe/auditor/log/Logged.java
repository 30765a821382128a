package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as read from a topic.
 *
 * @param position where it was read
 * @param timestamp the record's timestamp (event time: the apps stamp records with the time of the request)
 * @param key the record key; {@code ns/stream:tag}, a digest, a policy name, ... depending on the topic
 * @param value the decoded value; empty for a tombstone
 * @param <T> the value type
 */
public record Logged<T>(Position position, Instant timestamp, String key, Optional<T> value) {

    public Logged {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A record holding {@code value}. */
    public static <T> Logged<T> of(Position position, Instant timestamp, String key, T value) {
        return new Logged<>(position, timestamp, key, Optional.of(value));
    }

    /** A tombstone. */
    public static <T> Logged<T> tombstone(Position position, Instant timestamp, String key) {
        return new Logged<>(position, timestamp, key, Optional.empty());
    }

    /** The value of a record known not to be a tombstone. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException(position + " is a tombstone"));
    }
}
