package dev.imagepipe.importer.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.AuthSession;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryErrors;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import dev.imagepipe.importer.registry.transport.RegistryTransport;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The registry signature extension API (OpenShift's integrated registry, A14.2): a registry that answers {@code GET
 * /v2/} with {@code X-Registry-Supports-Signatures: 1} lists an image's signatures at {@code GET
 * /extensions/v2/<repo>/signatures/<digest>} as {@code {"signatures": [{"schemaVersion": 2, "type": "atomic", "name":
 * ..., "content": <base64>}]}}. Entries of any other type or schema version are skipped, as containers/image does.
 */
final class ExtensionSignatures {

    /** The ping header advertising the API; only the value {@code 1} counts. */
    static final String SUPPORTS_HEADER = "X-Registry-Supports-Signatures";

    static final int SCHEMA_VERSION = 2;
    static final String ATOMIC_TYPE = "atomic";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtensionSignatures() {}

    /** Whether the registry's unauthenticated {@code /v2/} response advertises the API (401 still carries it). */
    static boolean supported(RegistryTransport transport) {
        RegistryResponse ping = transport.send(RegistryRequest.get(transport.uri("/v2/"), BodyLimits.SMALL));
        return ping.header(SUPPORTS_HEADER).map("1"::equals).orElse(false);
    }

    /**
     * @throws RegistryException when the list cannot be had or is not the documented JSON
     */
    static List<DiscoveredSignature> fetch(
            RegistryTransport transport, AuthSession auth, String repositoryPath, Digest imageDigest) {
        String what = "signatures of " + transport.registry() + "/" + repositoryPath + "@" + imageDigest;
        RegistryResponse response = auth.send(
                transport,
                RegistryRequest.get(
                        transport.uri("/extensions/v2/" + repositoryPath + "/signatures/" + imageDigest),
                        SignatureLimits.MAX_SIGNATURE_BYTES));
        if (response.status() == 404) {
            return List.of();
        }
        if (!response.isSuccess()) {
            throw RegistryErrors.fromResponse(response, what, Clock.systemUTC());
        }
        return parse(response.body(), imageDigest.toString(), what);
    }

    static List<DiscoveredSignature> parse(byte[] body, String imageDigest, String what) {
        JsonNode list;
        try {
            list = JSON.readTree(body).get("signatures");
        } catch (IOException | NullPointerException e) {
            throw malformed(what);
        }
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw malformed(what);
        }
        List<DiscoveredSignature> found = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.path("schemaVersion").asInt() != SCHEMA_VERSION
                    || !ATOMIC_TYPE.equals(entry.path("type").asText())) {
                continue;
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(entry.path("content").asText());
            } catch (IllegalArgumentException e) {
                throw malformed(what);
            }
            found.add(DiscoveredSignature.simpleSigning(imageDigest, content, SignatureSource.REGISTRY_EXTENSION));
        }
        return found;
    }

    private static RegistryException malformed(String what) {
        return new RegistryException(FailureReason.INTEGRITY_MISMATCH, "malformed signature list: " + what);
    }
}
