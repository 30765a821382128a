package dev.imagepipe.importer.signature;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the literal data (the simple-signing JSON) out of an OpenPGP message (RFC 4880) without checking any
 * signature: the packets are walked until a literal-data packet, descending into one compressed-data packet when it is
 * uncompressed, ZIP or ZLIB (what {@code gpg --sign} writes). BZip2, encrypted or malformed messages yield nothing;
 * verifying the message is the tagger's job and needs a real OpenPGP implementation.
 */
final class SimpleSigningMessage {

    /** The most literal data inflated: as much as the signature itself may be (zip-bomb guard). */
    static final int MAX_LITERAL_BYTES = (int) SignatureLimits.MAX_SIGNATURE_BYTES;

    private static final int TAG_COMPRESSED = 8;
    private static final int TAG_LITERAL = 11;
    private static final int UNCOMPRESSED = 0;
    private static final int ZIP = 1;
    private static final int ZLIB = 2;

    private SimpleSigningMessage() {}

    /** The claims of the message's literal data, or empty when they cannot be read or are not a valid payload. */
    static Optional<ClaimedPayload> payload(byte[] message) {
        try {
            return literalData(message, 0).map(json -> ClaimedPayload.parse(json, SignatureType.SIMPLE_SIGNING));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The literal data of {@code message}, looking inside at most one compressed packet. */
    static Optional<byte[]> literalData(byte[] message, int depth) {
        int offset = 0;
        while (offset < message.length) {
            Packet packet = Packet.read(message, offset);
            if (packet.tag == TAG_LITERAL) {
                return Optional.of(literalBody(packet.body));
            }
            if (packet.tag == TAG_COMPRESSED && depth == 0) {
                return decompress(packet.body).flatMap(inner -> literalData(inner, depth + 1));
            }
            offset = packet.end;
        }
        return Optional.empty();
    }

    /** Literal data body: format octet, file-name length and name, four-octet date, then the data. */
    private static byte[] literalBody(byte[] body) {
        int nameLength = body[1] & 0xff;
        int start = 2 + nameLength + 4;
        if (start > body.length) {
            throw new IllegalArgumentException("truncated literal data packet");
        }
        byte[] data = new byte[body.length - start];
        System.arraycopy(body, start, data, 0, data.length);
        return data;
    }

    private static Optional<byte[]> decompress(byte[] body) {
        int algorithm = body[0] & 0xff;
        byte[] data = new byte[body.length - 1];
        System.arraycopy(body, 1, data, 0, data.length);
        return switch (algorithm) {
            case UNCOMPRESSED -> Optional.of(data);
            case ZIP -> Optional.of(inflate(data, true));
            case ZLIB -> Optional.of(inflate(data, false));
            default -> Optional.empty();
        };
    }

    private static byte[] inflate(byte[] data, boolean raw) {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_LITERAL_BYTES) {
                    throw new IllegalArgumentException("compressed data inflates beyond " + MAX_LITERAL_BYTES);
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt compressed data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** One packet: its tag, its body (partial lengths joined) and where the next packet starts. */
    private record Packet(int tag, byte[] body, int end) {

        static Packet read(byte[] in, int offset) {
            int header = in[offset] & 0xff;
            if ((header & 0x80) == 0) {
                throw new IllegalArgumentException("not an OpenPGP packet header");
            }
            return (header & 0x40) == 0 ? readOld(in, offset, header) : readNew(in, offset + 1, header & 0x3f);
        }

        private static Packet readOld(byte[] in, int offset, int header) {
            int tag = (header >> 2) & 0x0f;
            int pos = offset + 1;
            long length =
                    switch (header & 0x03) {
                        case 0 -> in[pos++] & 0xff;
                        case 1 -> ((in[pos++] & 0xff) << 8) | (in[pos++] & 0xff);
                        case 2 -> readInt(in, (pos += 4) - 4);
                        default -> in.length - pos; // indeterminate: to the end of the message
                    };
            return slice(tag, in, pos, length);
        }

        private static Packet readNew(byte[] in, int pos, int tag) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int first = in[pos++] & 0xff;
                long length;
                boolean partial = false;
                if (first < 192) {
                    length = first;
                } else if (first < 224) {
                    length = ((first - 192) << 8) + (in[pos++] & 0xff) + 192;
                } else if (first == 255) {
                    length = readInt(in, pos);
                    pos += 4;
                } else {
                    length = 1L << (first & 0x1f);
                    partial = true;
                }
                Packet chunk = slice(tag, in, pos, length);
                body.writeBytes(chunk.body);
                pos = chunk.end;
                if (!partial) {
                    return new Packet(tag, body.toByteArray(), pos);
                }
            }
        }

        private static Packet slice(int tag, byte[] in, int pos, long length) {
            if (length < 0 || pos + length > in.length) {
                throw new IllegalArgumentException("packet length " + length + " runs past the message");
            }
            byte[] body = new byte[(int) length];
            System.arraycopy(in, pos, body, 0, body.length);
            return new Packet(tag, body, pos + body.length);
        }

        private static long readInt(byte[] in, int pos) {
            return ((long) (in[pos] & 0xff) << 24)
                    | ((in[pos + 1] & 0xff) << 16)
                    | ((in[pos + 2] & 0xff) << 8)
                    | (in[pos + 3] & 0xff);
        }
    }
}
