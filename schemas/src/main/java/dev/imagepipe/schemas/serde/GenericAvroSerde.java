package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Serde} for {@link GenericRecord}s in the Confluent wire format, configured like Confluent's {@code
 * GenericAvroSerde}: records read back in their writer schema, whatever {@value
 * AvroSerdeConfig#SPECIFIC_AVRO_READER} says.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

    private final AvroSerializer<GenericRecord> serializer;
    private final AvroDeserializer<GenericRecord> deserializer;

    /** A serde that builds its registry client from {@value dev.imagepipe.schemas.registry.RegistryClientSettings#URL}. */
    public GenericAvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** A serde on an injected client, which the caller closes. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        generic.remove(AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE);
        generic.remove(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
        serializer.configure(generic, isKey);
        deserializer.configure(generic, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
