package dev.imagepipe.tagger.signature;

import java.nio.charset.StandardCharsets;

/** Canonical simple-signing and cosign payloads, as containers/image and cosign write them (A14.3, A14.4). */
public final class Payloads {

    public static final long TIMESTAMP = 1_700_000_000L;

    private Payloads() {}

    public static byte[] simpleSigning(String digest, String reference) {
        return payload(
                "atomic container signature",
                digest,
                reference,
                "{\"creator\":\"imagepipe-test\",\"timestamp\":" + TIMESTAMP + "}");
    }

    public static byte[] cosign(String digest, String reference) {
        return payload("cosign container image signature", digest, reference, "null");
    }

    private static byte[] payload(String type, String digest, String reference, String optional) {
        return ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + reference
                        + "\"},\"image\":{\"docker-manifest-digest\":\"" + digest + "\"},\"type\":\"" + type
                        + "\"},\"optional\":" + optional + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
