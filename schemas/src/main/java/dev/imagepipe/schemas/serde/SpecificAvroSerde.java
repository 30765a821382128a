package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Serde} for generated Avro classes in the Confluent wire format, configured like Confluent's {@code
 * SpecificAvroSerde}: {@link #configure(Map, boolean)} with the client configuration ({@link AvroSerdeConfig}),
 * {@value AvroSerdeConfig#SPECIFIC_AVRO_READER} implied true.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** A serde that builds its registry client from {@value dev.imagepipe.schemas.registry.RegistryClientSettings#URL}. */
    public SpecificAvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /**
     * A value serde on an injected client, which the caller closes; usable without {@link #configure}. Reads the
     * generated class named by each writer schema.
     */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client, true);
    }

    /** A serde on an injected client that always reads into {@code type}, resolving older writer schemas to it. */
    public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
