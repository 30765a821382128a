package dev.imagepipe.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the catalog with the serdes for its keys and values, so no topology spells a topic name or builds a
 * serde itself.
 *
 * @param declaration name and broker-side settings
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(TopicDeclaration declaration, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The full topic name, prefix included. */
    public String name() {
        return declaration.name();
    }

    @Override
    public String toString() {
        return declaration.name();
    }
}
