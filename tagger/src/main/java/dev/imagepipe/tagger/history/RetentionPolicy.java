package dev.imagepipe.tagger.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How much of each tag's history is kept. OpenShift keeps everything until an administrator prunes (A11.11); here
 * the policy is applied on every write of a stream, keeping an event if it is among the newest {@code keepNewest}
 * <em>or</em> younger than {@code keepYoungerThan} (the union, as the ImagePruner's {@code keepTagRevisions} and
 * {@code keepYoungerThanDuration} combine). items[0], the tag's current image, is never dropped.
 *
 * @param keepNewest how many of the newest events to keep, at least 1; empty: no count limit
 * @param keepYoungerThan keep events created less than this before the write's event time; empty: no age limit
 */
public record RetentionPolicy(OptionalInt keepNewest, Optional<Duration> keepYoungerThan) {

    /** The default: keep everything, as OpenShift does at import time (A11.11). */
    public static final RetentionPolicy UNLIMITED = new RetentionPolicy(OptionalInt.empty(), Optional.empty());

    public RetentionPolicy {
        Objects.requireNonNull(keepNewest, "keepNewest");
        Objects.requireNonNull(keepYoungerThan, "keepYoungerThan");
        if (keepNewest.isPresent() && keepNewest.getAsInt() < 1) {
            throw new IllegalArgumentException("keepNewest must be at least 1: " + keepNewest.getAsInt());
        }
        if (keepYoungerThan.isPresent() && keepYoungerThan.get().isNegative()) {
            throw new IllegalArgumentException("keepYoungerThan must not be negative: " + keepYoungerThan.get());
        }
    }

    public static RetentionPolicy keepNewest(int count) {
        return new RetentionPolicy(OptionalInt.of(count), Optional.empty());
    }

    public static RetentionPolicy keepYoungerThan(Duration age) {
        return new RetentionPolicy(OptionalInt.empty(), Optional.of(age));
    }

    public boolean unlimited() {
        return keepNewest.isEmpty() && keepYoungerThan.isEmpty();
    }

    /** The events of {@code items} (newest first) this policy keeps at event time {@code now}, in order. */
    public List<TagEvent> retain(List<TagEvent> items, Instant now) {
        if (unlimited()) {
            return items;
        }
        var kept = new ArrayList<TagEvent>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (i == 0 || withinCount(i) || young(items.get(i), now)) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    private boolean withinCount(int index) {
        return keepNewest.isPresent() && index < keepNewest.getAsInt();
    }

    private boolean young(TagEvent event, Instant now) {
        return keepYoungerThan
                .map(age -> event.created().isAfter(now.minus(age)))
                .orElse(false);
    }
}
