package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * {@link SimpleSigningMessage}: the literal data of hand-built OpenPGP messages shaped like {@code gpg --sign} output
 * (one-pass signature, literal data, signature), plain and compressed. Nothing here is signed for real; the reader
 * never looks at signatures.
 */
class SignatureOpenPgpTest {

    static final byte[] PAYLOAD = SignaturePayloadTest.payload(
                    ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"creator\":\"test\",\"timestamp\":1}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheLiteralDataOfAnUncompressedMessage() {
        byte[] message = concat(onePassSignature(), literal(PAYLOAD), signaturePacket());

        assertThat(SimpleSigningMessage.literalData(message, 0))
                .hasValueSatisfying(data -> assertThat(data).isEqualTo(PAYLOAD));
    }

    @Test
    void readsTheLiteralDataInsideAZlibCompressedPacketWithIndeterminateLength() {
        byte[] message = zlibMessage(concat(onePassSignature(), literal(PAYLOAD), signaturePacket()));

        assertThat(SimpleSigningMessage.payload(message)).hasValueSatisfying(payload -> {
            assertThat(payload.creator()).contains("test");
            assertThat(payload.dockerReference()).isEqualTo("registry.example/ns/app:1");
        });
    }

    @Test
    void joinsPartialBodyLengths() {
        // First chunk: 32 bytes as a partial length (0xE0 | 5), then the rest with a one-octet length.
        byte[] body = literalBody(PAYLOAD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0 | 11);
        out.write(0xE0 | 5);
        out.write(body, 0, 32);
        int rest = body.length - 32;
        out.write(192 + ((rest - 192) >> 8));
        out.write((rest - 192) & 0xff);
        out.write(body, 32, rest);

        assertThat(SimpleSigningMessage.literalData(out.toByteArray(), 0))
                .hasValueSatisfying(data -> assertThat(data).isEqualTo(PAYLOAD));
    }

    @Test
    void yieldsNothingForGarbageTruncatedOrBzip2Messages() {
        assertThat(SimpleSigningMessage.payload("not pgp".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        byte[] whole = concat(onePassSignature(), literal(PAYLOAD));
        assertThat(SimpleSigningMessage.payload(Arrays.copyOf(whole, whole.length - 10)))
                .isEmpty();
        assertThat(SimpleSigningMessage.payload(new byte[] {(byte) 0xA3, 3, 1, 2, 3}))
                .isEmpty();
        assertThat(SimpleSigningMessage.payload(new byte[0])).isEmpty();
    }

    @Test
    void aLiteralThatIsNotAValidPayloadYieldsNoClaims() {
        assertThat(SimpleSigningMessage.payload(literal("{}".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    static byte[] zlibMessage(byte[] inner) {
        Deflater deflater = new Deflater();
        deflater.setInput(inner);
        deflater.finish();
        byte[] buffer = new byte[inner.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | (8 << 2) | 3); // old format, compressed data, indeterminate length
        out.write(2); // ZLIB
        out.write(buffer, 0, n);
        return out.toByteArray();
    }

    static byte[] literal(byte[] data) {
        byte[] body = literalBody(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0 | 11); // new format, literal data
        out.write(0xFF); // five-octet length
        out.write(body.length >>> 24);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] literalBody(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('b');
        out.write(0); // no file name
        out.writeBytes(new byte[4]); // date
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] onePassSignature() {
        byte[] packet = new byte[15];
        packet[0] = (byte) (0xC0 | 4);
        packet[1] = 13;
        return packet;
    }

    private static byte[] signaturePacket() {
        byte[] packet = new byte[12];
        packet[0] = (byte) (0x80 | (2 << 2)); // old format, signature, one-octet length
        packet[1] = 10;
        return packet;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
