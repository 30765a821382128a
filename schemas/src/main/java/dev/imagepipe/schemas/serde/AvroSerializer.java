package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.registry.CachedSchemaRegistryClient;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.SchemaRegistryClient;
import dev.imagepipe.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes specific or generic Avro records in the Confluent wire format: magic byte, schema id, Avro binary.
 *
 * <p>The subject is {@code <topic>-key} or {@code <topic>-value} (Confluent's TopicNameStrategy). The schema id
 * comes, as in Confluent's serializer and in this order of precedence, from registering the record's schema
 * ({@value AvroSerdeConfig#AUTO_REGISTER_SCHEMAS}, the default), from the subject's latest version, which then is
 * also the writer schema ({@value AvroSerdeConfig#USE_LATEST_VERSION}), or from looking up the record's schema in
 * the subject. With {@value AvroSerdeConfig#USE_LATEST_VERSION}, as in Confluent's serializer, the record is
 * written field by field in the latest schema, so it must have that schema's shape. {@code null} writes as {@code
 * null}.
 *
 * <p>Every failure is a {@link SerializationException} naming the topic, key or value, and the schema id once
 * known.
 */
public class AvroSerializer<T> implements Serializer<T> {

    /** The id written into the header and the schema the body is written with. */
    private record WriterSchema(int id, Schema schema) {}

    /** Writers are reusable; one per (writer schema, record class), like Confluent's serializer keeps them. */
    private record WriterKey(Schema schema, Class<?> recordType) {}

    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config = AvroSerdeConfig.defaults();
    private boolean isKey;

    /** A serializer that builds its registry client in {@link #configure}. */
    public AvroSerializer() {}

    /** A value serializer with default settings on {@code client}; {@link #configure} may still change them. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        if (client == null) {
            client = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(config.registrySettings()));
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        String where = WireFormat.describe(topic, isKey);
        if (client == null) {
            throw new SerializationException("Cannot serialize " + where
                    + ": AvroSerializer is not configured (call configure or pass a SchemaRegistryClient)");
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("Cannot serialize " + where + ": "
                    + data.getClass().getName() + " is not an Avro record (specific or generic)");
        }
        WriterSchema target = writerSchema(record.getSchema(), topic + (isKey ? "-key" : "-value"), where);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, target.id());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(
                            new WriterKey(target.schema(), record.getClass()), key -> writerFor(record, key.schema()))
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot serialize " + where + " with schema id " + target.id() + ": " + e, e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private WriterSchema writerSchema(Schema schema, String subject, String where) {
        String action = "register";
        try {
            if (config.autoRegisterSchemas()) {
                return new WriterSchema(client.register(subject, schema), schema);
            }
            if (config.useLatestVersion()) {
                action = "fetch the latest version of";
                var latest = client.version(subject, SchemaRegistryClient.LATEST);
                return new WriterSchema(latest.id(), latest.schema());
            }
            action = "look up";
            return new WriterSchema(client.lookupId(subject, schema), schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot serialize " + where + ": could not " + action + " the schema in" + " subject " + subject
                            + " (" + e.getMessage() + ")",
                    e);
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Cannot serialize " + where + ": registry client failed for subject " + subject + " (" + e + ")",
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(GenericContainer record, Schema writerSchema) {
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(writerSchema, SpecificData.getForClass(record.getClass()));
        }
        return new GenericDatumWriter<>(writerSchema, GenericData.get());
    }
}
