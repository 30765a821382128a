package dev.imagepipe.schemas.topic;

import dev.imagepipe.schemas.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the value serde of each catalog topic from its generated Avro class. */
public interface ValueSerdes {

    /** A serde for values of {@code valueType}. */
    <V extends SpecificRecord> Serde<V> serdeFor(Class<V> valueType);

    /**
     * Confluent-wire-format serdes configured from a client configuration ({@code schema.registry.url} and the other
     * keys Confluent's serdes read), one serde per topic.
     */
    static ValueSerdes schemaRegistry(Map<String, ?> serdeConfig) {
        Map<String, ?> config = Map.copyOf(serdeConfig);
        return new ValueSerdes() {
            @Override
            public <V extends SpecificRecord> Serde<V> serdeFor(Class<V> valueType) {
                SpecificAvroSerde<V> serde = new SpecificAvroSerde<>();
                serde.configure(config, false);
                return serde;
            }
        };
    }
}
