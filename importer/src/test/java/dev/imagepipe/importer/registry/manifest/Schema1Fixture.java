package dev.imagepipe.importer.registry.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hand-written Docker schema 1 manifests: the unsigned payload as docker pretty-prints it, and the signed form as
 * libtrust writes it, with the {@code signatures} member spliced in before the closing brace and the protected header
 * recording {@code formatLength} (bytes before the splice) and {@code formatTail} (base64url of the bytes after).
 */
public final class Schema1Fixture {

    /** The empty tar layer every schema 1 image repeats for metadata-only steps. */
    public static final String EMPTY_LAYER = "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";

    /** D12: five layers, top first, two identical empty layers. */
    public static final List<String> D12_LAYERS = List.of(
            EMPTY_LAYER,
            "sha256:" + "1".repeat(64),
            "sha256:" + "2".repeat(64),
            "sha256:" + "3".repeat(64),
            EMPTY_LAYER);

    /** D12: the history sizes parallel to {@link #D12_LAYERS}; their distinct sum is 188294133. */
    public static final List<Long> D12_SIZES = List.of(0L, 188097705L, 194533L, 1895L, 0L);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Schema1Fixture() {}

    /** The unsigned (canonical) payload for {@link #D12_LAYERS} / {@link #D12_SIZES}. */
    public static byte[] d12Payload() {
        return payload(D12_LAYERS, D12_SIZES);
    }

    /** A pretty-printed unsigned schema 1 manifest; history[0] carries the image metadata. */
    public static byte[] payload(List<String> layers, List<Long> sizes) {
        String fsLayers = layers.stream()
                .map(digest -> "      {\n         \"blobSum\": \"" + digest + "\"\n      }")
                .collect(Collectors.joining(",\n"));
        String history = IntStream.range(0, sizes.size())
                .mapToObj(
                        i -> "      {\n         \"v1Compatibility\": " + quote(v1Compatibility(i, sizes)) + "\n      }")
                .collect(Collectors.joining(",\n"));
        String json = "{\n   \"schemaVersion\": 1,\n   \"name\": \"library/busybox\",\n   \"tag\": \"latest\",\n"
                + "   \"architecture\": \"amd64\",\n   \"fsLayers\": [\n" + fsLayers + "\n   ],\n"
                + "   \"history\": [\n" + history + "\n   ]\n}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The signed form of {@code payload}: one signature with an ES256-style JWK header and a dummy signature. */
    public static byte[] sign(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int formatLength = text.lastIndexOf("\n}");
        String tail = text.substring(formatLength);
        String protectedHeader = "{\"formatLength\":" + formatLength + ",\"formatTail\":\""
                + BASE64URL.encodeToString(tail.getBytes(StandardCharsets.UTF_8))
                + "\",\"time\":\"2024-01-01T00:00:00Z\"}";
        String signatures = ",\n   \"signatures\": [\n      {\n         \"header\": {\n"
                + "            \"jwk\": {\n               \"crv\": \"P-256\",\n               \"kid\": \"TEST:KEY\",\n"
                + "               \"kty\": \"EC\",\n               \"x\": \"" + "x".repeat(43) + "\",\n"
                + "               \"y\": \"" + "y".repeat(43) + "\"\n            },\n"
                + "            \"alg\": \"ES256\"\n         },\n"
                + "         \"signature\": \"" + "s".repeat(86) + "\",\n"
                + "         \"protected\": \""
                + BASE64URL.encodeToString(protectedHeader.getBytes(StandardCharsets.UTF_8))
                + "\"\n      }\n   ]";
        return (text.substring(0, formatLength) + signatures + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static String v1Compatibility(int index, List<Long> sizes) {
        String id = Integer.toString(sizes.size() - index).repeat(64);
        String parent = index + 1 < sizes.size()
                ? ",\"parent\":\"" + Integer.toString(sizes.size() - index - 1).repeat(64) + "\""
                : "";
        String metadata = index == 0
                ? ",\"created\":\"2016-03-01T10:11:12.123456789Z\",\"container\":\"c0ffee\",\"docker_version\":\"1.9.1\""
                        + ",\"author\":\"someone\",\"architecture\":\"amd64\",\"os\":\"linux\""
                        + ",\"config\":{\"User\":\"1001\",\"Env\":[\"A=1\"],\"Cmd\":[\"sh\"],\"Labels\":{\"l\":\"v\"}}"
                : "";
        return "{\"id\":\"" + id + "\"" + parent + metadata + ",\"Size\":" + sizes.get(index) + "}";
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
