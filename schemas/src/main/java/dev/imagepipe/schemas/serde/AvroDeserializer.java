package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.registry.CachedSchemaRegistryClient;
import dev.imagepipe.schemas.registry.ErrorCodes;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.SchemaRegistryClient;
import dev.imagepipe.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro: magic byte, schema id, Avro binary. The writer schema is fetched from the
 * registry by id.
 *
 * <p>Output: with a specific type (constructor or {@value AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE} / {@value
 * AvroSerdeConfig#SPECIFIC_AVRO_KEY_TYPE}), an instance of it, the writer schema resolved to its schema (added
 * fields take their defaults). With {@value AvroSerdeConfig#SPECIFIC_AVRO_READER}{@code =true} and no type, the
 * generated class named by the writer schema (see {@link AvroReaders} for which names are trusted). Otherwise a
 * {@link org.apache.avro.generic.GenericRecord} in the writer schema. {@code null} reads as {@code null}.
 *
 * <p>Every failure is a {@link SerializationException} naming the topic, key or value, and the schema id once
 * known.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final AvroReaders readers = new AvroReaders();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private Class<? extends SpecificRecord> specificType;
    private boolean specificReader;
    private boolean isKey;

    /** A deserializer that builds its registry client in {@link #configure}. */
    public AvroDeserializer() {}

    /** A generic value deserializer on {@code client}; {@link #configure} may still change key/value and reader. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** As {@link #AvroDeserializer(SchemaRegistryClient)}, with {@code specific.avro.reader} preset. */
    AvroDeserializer(SchemaRegistryClient client, boolean specificReader) {
        this(client);
        this.specificReader = specificReader;
    }

    /** A deserializer on {@code client} that reads into the generated class {@code specificType}. */
    public AvroDeserializer(SchemaRegistryClient client, Class<? extends T> specificType) {
        this(client);
        this.specificType = requireSpecific(specificType);
        this.specificReader = true;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        this.specificReader = specificReader || config.specificAvroReader();
        if (specificType == null) {
            config.specificType(isKey).map(AvroDeserializer::loadSpecificType).ifPresent(t -> {
                specificType = t;
                specificReader = true;
            });
        }
        if (client == null) {
            client = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config.registrySettings()));
            ownsClient = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String where = WireFormat.describe(topic, isKey);
        if (client == null) {
            throw new SerializationException("Cannot deserialize " + where
                    + ": AvroDeserializer is not configured (call configure or pass a SchemaRegistryClient)");
        }
        int id = WireFormat.readSchemaId(data, topic, isKey);
        Schema writer = writerSchema(id, where);
        DatumReader<T> reader = reader(writer, id, where);
        try {
            return reader.read(
                    null, new BoundedDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize " + where + " with schema id " + id
                            + ": cannot decode the Avro body; corrupt, truncated or not"
                            + " resolvable to the reader schema (" + e + ")",
                    e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private Schema writerSchema(int id, String where) {
        try {
            return client.schemaById(id);
        } catch (SchemaRegistryException e) {
            String reason = e.errorCode() == ErrorCodes.SCHEMA_NOT_FOUND
                    ? "the registry does not know this schema id"
                    : "could not fetch the writer schema from the registry";
            throw new SerializationException(
                    "Cannot deserialize " + where + " with schema id " + id + ": " + reason + " (" + e.getMessage()
                            + ")",
                    e);
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize " + where + " with schema id " + id + ": registry client failed (" + e + ")",
                    e);
        }
    }

    private DatumReader<T> reader(Schema writer, int id, String where) {
        if (specificType != null) {
            return readers.specific(writer, specificType);
        }
        if (specificReader && writer.getType() == Schema.Type.RECORD) {
            Class<? extends SpecificRecord> type = AvroReaders.specificClassNamed(writer)
                    .orElseThrow(() -> new SerializationException("Cannot deserialize " + where + " with schema id "
                            + id + ": " + AvroSerdeConfig.SPECIFIC_AVRO_READER + " is set but "
                            + writer.getFullName()
                            + " is not a trusted generated SpecificRecord class on the classpath"));
            return readers.specific(writer, type);
        }
        return readers.generic(writer);
    }

    private static Class<? extends SpecificRecord> loadSpecificType(Object configured) {
        String name = configured instanceof Class<?> c
                ? c.getName()
                : configured.toString().strip();
        try {
            Class<?> type = configured instanceof Class<?> c ? c : Class.forName(name, true, AvroReaders.classLoader());
            return requireSpecific(type);
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            throw new ConfigException("Specific Avro type " + name + " is not a generated SpecificRecord class on the"
                    + " classpath (" + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE + " / "
                    + AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE + ")");
        }
    }

    private static Class<? extends SpecificRecord> requireSpecific(Class<?> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not an Avro SpecificRecord");
        }
        return type.asSubclass(SpecificRecord.class);
    }
}
