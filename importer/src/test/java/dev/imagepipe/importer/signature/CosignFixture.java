package dev.imagepipe.importer.signature;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.testing.fixture.Blob;
import dev.imagepipe.testing.fixture.RegistryPusher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Pushes a cosign-format signature for an image: an OCI manifest at {@code sha256-<hex>.sig} with an empty {@code {}}
 * config and one {@code simplesigning} layer holding the payload, signed for real with a fresh P-256 key
 * ({@code SHA256withECDSA}, DER, base64 in the annotation) so a verifier can check it against {@link #keys()}.
 */
final class CosignFixture {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;

    CosignFixture() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.keys = generator.generateKeyPair();
    }

    KeyPair keys() {
        return keys;
    }

    /** The cosign payload for {@code reference} (a pull spec) at {@code digest}. */
    static byte[] payload(String reference, String digest) {
        return ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + reference + "\"},\"image\":"
                        + "{\"docker-manifest-digest\":\"" + digest
                        + "\"},\"type\":\"cosign container image signature\"},"
                        + "\"optional\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] sign(byte[] payload) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(payload);
        return signer.sign();
    }

    /** Pushes the signature manifest for {@code digest} and returns the DER signature it carries. */
    byte[] push(RegistryPusher pusher, String repository, String reference, String digest) throws Exception {
        byte[] payload = payload(reference, digest);
        byte[] signature = sign(payload);
        Blob config = new Blob(OCI_CONFIG, "{}".getBytes(StandardCharsets.UTF_8));
        Blob layer = new Blob(CosignSignatures.PAYLOAD_MEDIA_TYPE, payload);
        pusher.pushBlob(repository, config);
        pusher.pushBlob(repository, layer);
        Map<String, Object> layerDescriptor = new java.util.TreeMap<>(layer.descriptor());
        layerDescriptor.put(
                "annotations",
                Map.of(
                        CosignSignatures.SIGNATURE_ANNOTATION,
                        Base64.getEncoder().encodeToString(signature)));
        Map<String, Object> manifest = Map.of(
                "schemaVersion",
                2,
                "mediaType",
                OCI_MANIFEST,
                "config",
                config.descriptor(),
                "layers",
                List.of(layerDescriptor));
        pusher.putManifest(
                repository,
                "sha256-" + digest.substring("sha256:".length()) + ".sig",
                new Blob(OCI_MANIFEST, JSON.writeValueAsBytes(manifest)));
        return signature;
    }
}
