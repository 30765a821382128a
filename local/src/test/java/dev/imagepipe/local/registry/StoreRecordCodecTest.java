package dev.imagepipe.local.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

    @Test
    void schemaRecordsRoundTripWithAConfluentStyleKey() {
        StoreRecord record = new StoreRecord.SchemaRecord(new StoredVersion("events-value", 2, 7, "\"string\"", true));

        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(record);

        assertThat(new String(encoded.key(), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"events-value\",\"version\":2,\"magic\":1}");
        assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(record);
    }

    @Test
    void globalAndSubjectConfigRecordsRoundTrip() {
        StoreRecord global = new StoreRecord.ConfigRecord(Optional.empty(), CompatibilityLevel.FULL);
        StoreRecord subject = new StoreRecord.ConfigRecord(Optional.of("events-value"), CompatibilityLevel.NONE);

        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(global);

        assertThat(new String(encoded.key(), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(global);
        StoreRecordCodec.Encoded subjectEncoded = StoreRecordCodec.encode(subject);
        assertThat(StoreRecordCodec.decode(subjectEncoded.key(), subjectEncoded.value()))
                .contains(subject);
    }

    @Test
    void tombstonesAndUnknownKeyTypesAreSkipped() {
        byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);

        assertThat(StoreRecordCodec.decode(noop, null)).isEmpty();
        assertThat(StoreRecordCodec.decode(noop, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
