package dev.imagepipe.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format header: magic byte {@value #MAGIC_BYTE}, then the schema id as a 4-byte big-endian
 * int, then the Avro binary body.
 */
public final class WireFormat {

    /** The only format version Confluent has defined. */
    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 1 + Integer.BYTES;

    private WireFormat() {}

    /** Returns the 5-byte header for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** Writes the header for {@code schemaId} to {@code out}. */
    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.writeBytes(header(schemaId));
    }

    /**
     * Reads the schema id from a payload's header.
     *
     * @throws SerializationException naming the topic and key/value when the payload is too short or its magic
     *     byte is not {@value #MAGIC_BYTE}
     */
    public static int readSchemaId(byte[] payload, String topic, boolean isKey) {
        String where = describe(topic, isKey);
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Payload of " + payload.length + " byte(s) for " + where
                    + " is shorter than the " + HEADER_SIZE + "-byte header (magic byte and schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(
                    "Unknown magic byte " + payload[0] + " for " + where + "; expected " + MAGIC_BYTE);
        }
        return ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
    }

    /** "topic t key" or "topic t value", as every serde error message names it. */
    static String describe(String topic, boolean isKey) {
        return "topic " + topic + " " + (isKey ? "key" : "value");
    }
}
