package dev.imagepipe.auditor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.invariant.ScannedText;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.SignatureCondition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringFieldsTest {

    @Test
    void collectsStringsOfNestedRecordsMapsListsAndTextBytes() {
        ImageSignature signature = ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName("sha256:abc@def")
                        .setAnnotations(Map.of("Authorization", "Bearer x"))
                        .build())
                .setType("AtomicImageV1")
                .setContent(ByteBuffer.wrap("{\"payload\":1}".getBytes(StandardCharsets.UTF_8)))
                .setConditions(List.of(SignatureCondition.newBuilder()
                        .setType("Trusted")
                        .setStatus(ConditionStatus.True)
                        .setMessage("ok")
                        .build()))
                .build();

        List<ScannedText> strings = StringFields.of(signature);

        assertThat(strings)
                .contains(
                        new ScannedText("metadata.name", "sha256:abc@def"),
                        new ScannedText("metadata.annotations[Authorization]", "Authorization: Bearer x"),
                        new ScannedText("type", "AtomicImageV1"),
                        new ScannedText("content", "{\"payload\":1}"),
                        new ScannedText("conditions[0].type", "Trusted"),
                        new ScannedText("conditions[0].message", "ok"));
    }

    @Test
    void skipsBytesThatAreNotText() {
        ImageSignature signature = ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName("n").build())
                .setType("t")
                .setContent(ByteBuffer.wrap(new byte[] {(byte) 0xa3, (byte) 0xff, 0x01}))
                .build();

        assertThat(StringFields.of(signature)).extracting(ScannedText::path).doesNotContain("content");
    }
}
