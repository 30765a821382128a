package dev.imagepipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicByteThenBigEndianSchemaId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void readsTheSchemaIdFromTheHeader() {
        assertThat(WireFormat.readSchemaId(new byte[] {0, 0, 0, 1, 0, 42}, "t", false))
                .isEqualTo(256);
    }

    @Test
    void rejectsAnUnknownMagicByteNamingTopicAndValue() {
        assertThatThrownBy(() -> WireFormat.readSchemaId(new byte[] {7, 0, 0, 0, 1}, "t", false))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte 7 for topic t value; expected 0");
    }

    @Test
    void rejectsAPayloadShorterThanTheHeaderNamingTopicAndKey() {
        assertThatThrownBy(() -> WireFormat.readSchemaId(new byte[] {0, 0, 1}, "t", true))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 byte(s)")
                .hasMessageContaining("topic t key");
    }
}
