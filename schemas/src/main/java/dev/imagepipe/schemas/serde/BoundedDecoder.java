package dev.imagepipe.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder over one message body that refuses lengths and block counts larger than the body itself.
 *
 * <p>Avro's {@link BinaryDecoder} allocates whatever a length prefix says before reading: one corrupt varint in a
 * record makes it allocate up to 2 GB and the consumer dies of {@link OutOfMemoryError}, which no error handler
 * sees. Avro's own caps ({@code org.apache.avro.limits.*}) are JVM-wide system properties that default to about 2
 * GB. Here a string or bytes value can never be longer than the body, and a collection block never has more
 * entries than the body has bytes — which would only refuse arrays of {@code null} or of empty records, types no
 * imagepipe schema uses.
 */
final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;
    private final int bodyLength;

    BoundedDecoder(byte[] payload, int offset, int length) {
        this.in = DecoderFactory.get().binaryDecoder(payload, offset, length, null);
        this.bodyLength = length;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length(in.readLong(), "string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        if (length > 0) {
            in.readFixed(result.getBytes(), 0, length);
        }
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length(in.readLong(), "bytes");
        ByteBuffer result =
                old != null && old.hasArray() && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.arrayOffset() + result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public long readArrayStart() throws IOException {
        return count(in.readArrayStart());
    }

    @Override
    public long arrayNext() throws IOException {
        return count(in.arrayNext());
    }

    @Override
    public long readMapStart() throws IOException {
        return count(in.readMapStart());
    }

    @Override
    public long mapNext() throws IOException {
        return count(in.mapNext());
    }

    private int length(long length, String what) throws IOException {
        if (length < 0 || length > bodyLength) {
            throw new IOException(
                    "Corrupt Avro " + what + " length " + length + " in a body of " + bodyLength + " byte(s)");
        }
        return (int) length;
    }

    private long count(long count) throws IOException {
        if (count > bodyLength) {
            throw new IOException("Corrupt Avro block count " + count + " in a body of " + bodyLength + " byte(s)");
        }
        return count;
    }

    // Everything below allocates nothing beyond its fixed size and is delegated unchanged.

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
