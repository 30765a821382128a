package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ClaimedPayload}: exact fields, strictness as containers/image's simple.go and sigstore payload. */
class SignaturePayloadTest {

    private static final String DIGEST = "sha256:" + "12".repeat(32);

    static String payload(String type, String optional) {
        return "{\"critical\":{\"type\":\"" + type + "\",\"image\":{\"docker-manifest-digest\":\"" + DIGEST
                + "\"},\"identity\":{\"docker-reference\":\"registry.example/ns/app:1\"}},\"optional\":" + optional
                + "}";
    }

    @Test
    void readsEveryFieldOfASimpleSigningPayload() {
        ClaimedPayload parsed = parse(
                payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"creator\":\"atomic 1.0\",\"timestamp\":1700000000}"),
                SignatureType.SIMPLE_SIGNING);

        assertThat(parsed)
                .isEqualTo(new ClaimedPayload(
                        "atomic container signature",
                        DIGEST,
                        "registry.example/ns/app:1",
                        Optional.of(Instant.ofEpochSecond(1_700_000_000L)),
                        Optional.of("atomic 1.0")));
    }

    @Test
    void optionalFieldsMayBeAbsentAndUnknownOptionalFieldsAreIgnored() {
        ClaimedPayload parsed =
                parse(payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"other\":true}"), SignatureType.SIMPLE_SIGNING);

        assertThat(parsed.timestamp()).isEmpty();
        assertThat(parsed.creator()).isEmpty();
    }

    @Test
    void cosignPayloadMayHaveNullOptional() {
        ClaimedPayload parsed = parse(payload(ClaimedPayload.COSIGN_TYPE, "null"), SignatureType.COSIGN);

        assertThat(parsed.type()).isEqualTo("cosign container image signature");
        assertThat(parsed.dockerManifestDigest()).isEqualTo(DIGEST);
    }

    @Test
    void rejectsUnknownCriticalFields() {
        String json = payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{}").replace("\"type\":", "\"extra\":1,\"type\":");

        assertThatThrownBy(() -> parse(json, SignatureType.SIMPLE_SIGNING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical has fields");
    }

    @Test
    void rejectsUnknownImageOrIdentityFieldsAndUnknownTopLevelFields() {
        String image = payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{}")
                .replace("{\"docker-manifest-digest\"", "{\"x\":\"y\",\"docker-manifest-digest\"");
        String identity = payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{}")
                .replace("{\"docker-reference\"", "{\"x\":\"y\",\"docker-reference\"");
        String top = payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{}").replaceFirst("\\{", "{\"x\":1,");

        for (String json : new String[] {image, identity, top}) {
            assertThatThrownBy(() -> parse(json, SignatureType.SIMPLE_SIGNING))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsMissingCriticalFields() {
        String json = "{\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":\""
                + DIGEST + "\"}},\"optional\":{}}";

        assertThatThrownBy(() -> parse(json, SignatureType.SIMPLE_SIGNING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTheWrongType() {
        assertThatThrownBy(() -> parse(payload(ClaimedPayload.COSIGN_TYPE, "{}"), SignatureType.SIMPLE_SIGNING))
                .hasMessageContaining("unrecognized critical.type");
    }

    @Test
    void rejectsFractionalOrNonNumericTimestampsButAcceptsIntegralFloats() {
        assertThatThrownBy(() -> parse(
                        payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"timestamp\":1.5}"),
                        SignatureType.SIMPLE_SIGNING))
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> parse(
                        payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"timestamp\":\"1\"}"),
                        SignatureType.SIMPLE_SIGNING))
                .hasMessageContaining("not a number");
        assertThat(parse(
                                payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"timestamp\":2.0}"),
                                SignatureType.SIMPLE_SIGNING)
                        .timestamp())
                .contains(Instant.ofEpochSecond(2));
    }

    @Test
    void rejectsDuplicateKeysAndNonStringCreators() {
        String duplicate = payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{}")
                .replace("\"type\":", "\"type\":\"atomic container signature\",\"type\":");
        assertThatThrownBy(() -> parse(duplicate, SignatureType.SIMPLE_SIGNING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse(
                        payload(ClaimedPayload.SIMPLE_SIGNING_TYPE, "{\"creator\":7}"), SignatureType.SIMPLE_SIGNING))
                .hasMessageContaining("optional.creator");
    }

    @Test
    void rejectsNonJson() {
        assertThatThrownBy(() -> parse("not json", SignatureType.COSIGN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ClaimedPayload parse(String json, SignatureType type) {
        return ClaimedPayload.parse(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
