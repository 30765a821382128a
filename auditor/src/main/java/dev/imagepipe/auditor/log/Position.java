package dev.imagepipe.auditor.log;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a record sits in the log: what an auditor needs to fetch it again ({@code kcat -t topic -p partition -o
 * offset -c 1}).
 *
 * @param topic the full topic name, prefix included
 * @param partition the partition
 * @param offset the record's offset in that partition
 */
public record Position(String topic, int partition, long offset) implements Comparable<Position> {

    private static final Comparator<Position> ORDER = Comparator.comparing(Position::topic)
            .thenComparingInt(Position::partition)
            .thenComparingLong(Position::offset);

    public Position {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    /** {@code topic/partition@offset}. */
    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
