package dev.imagepipe.schemas.serde;

import dev.imagepipe.schemas.avro.testing.TestImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Test records and an Avro encoder that does not go through the code under test. */
final class TestRecords {

    static final Instant OBSERVED_AT = Instant.ofEpochMilli(1_767_225_600_123L);

    /** TestImage as first published: no platform field. Same full name, so it resolves to {@link TestImage}. */
    static final Schema TEST_IMAGE_V1 = new Schema.Parser().parse("""
                    {"type": "record", "name": "TestImage", "namespace": "dev.imagepipe.schemas.avro.testing",
                     "fields": [
                       {"name": "repository", "type": "string"},
                       {"name": "digest", "type": "string"},
                       {"name": "sizeBytes", "type": "long"},
                       {"name": "observedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}}
                     ]}""");

    private TestRecords() {}

    static TestImage specificImage() {
        return TestImage.newBuilder()
                .setRepository("docker.io/library/busybox")
                .setDigest("sha256:abc")
                .setSizeBytes(2_048L)
                .setObservedAt(OBSERVED_AT)
                .setPlatform("linux/amd64")
                .build();
    }

    /** The same image as {@link #specificImage()}, built generically in the current TestImage schema. */
    static GenericRecord genericImage() {
        GenericRecord record = genericImageV1(TestImage.getClassSchema());
        record.put("platform", "linux/amd64");
        return record;
    }

    /** The image in the v1 schema (or any schema with the v1 fields). */
    static GenericRecord genericImageV1(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("repository", "docker.io/library/busybox");
        record.put("digest", "sha256:abc");
        record.put("sizeBytes", 2_048L);
        record.put("observedAt", OBSERVED_AT);
        return record;
    }

    /** Avro binary of {@code record}, made with a plain GenericDatumWriter and BinaryEncoder. */
    static byte[] avroBinary(GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Magic byte, big-endian id and body, assembled by hand. */
    static byte[] confluentBytes(int id, byte[] body) {
        byte[] bytes = new byte[5 + body.length];
        bytes[0] = 0;
        bytes[1] = (byte) (id >>> 24);
        bytes[2] = (byte) (id >>> 16);
        bytes[3] = (byte) (id >>> 8);
        bytes[4] = (byte) id;
        System.arraycopy(body, 0, bytes, 5, body.length);
        return bytes;
    }
}
