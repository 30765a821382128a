package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Base64;

/**
 * The canonical payload of a signed schema 1 manifest (libtrust "pretty JWS", Docker manifest v2 schema 1 spec):
 * each signature's protected header carries {@code formatLength}, the length of the payload before the
 * {@code signatures} member was spliced in, and {@code formatTail}, the base64url bytes that followed it. The payload
 * is {@code raw[0, formatLength) + formatTail}; every signature must agree on both.
 */
final class JwsPayload {

    private JwsPayload() {}

    static byte[] canonical(JsonNode signatures, byte[] raw) {
        if (signatures == null || !signatures.isArray() || signatures.isEmpty()) {
            throw Json.malformed("signed schema 1 manifest", "no signatures");
        }
        byte[] payload = null;
        for (JsonNode signature : signatures) {
            byte[] candidate = payloadOf(signature, raw);
            if (payload != null && !Arrays.equals(payload, candidate)) {
                throw Json.malformed("signed schema 1 manifest", "signatures disagree on the signed payload");
            }
            payload = candidate;
        }
        return payload;
    }

    private static byte[] payloadOf(JsonNode signature, byte[] raw) {
        String encoded = Json.text(signature, "protected");
        if (encoded == null) {
            throw Json.malformed("signed schema 1 manifest", "signature without protected header");
        }
        JsonNode header = Json.read(decode(encoded), "schema 1 protected header");
        JsonNode formatLength = header.get("formatLength");
        String formatTail = Json.text(header, "formatTail");
        if (formatLength == null || !formatLength.canConvertToInt() || formatTail == null) {
            throw Json.malformed("schema 1 protected header", "missing formatLength or formatTail");
        }
        int length = formatLength.asInt();
        if (length < 0 || length > raw.length) {
            throw Json.malformed("schema 1 protected header", "formatLength " + length + " outside the manifest");
        }
        byte[] tail = decode(formatTail);
        byte[] payload = Arrays.copyOf(raw, length + tail.length);
        System.arraycopy(tail, 0, payload, length, tail.length);
        return payload;
    }

    /** Base64url with or without padding, as libtrust writes it (without). */
    private static byte[] decode(String base64Url) {
        try {
            return Base64.getUrlDecoder().decode(base64Url);
        } catch (IllegalArgumentException e) {
            throw Json.malformed("schema 1 protected header", "invalid base64url: " + e.getMessage());
        }
    }
}
