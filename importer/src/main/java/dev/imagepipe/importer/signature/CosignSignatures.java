package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Descriptor;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.Manifest;
import dev.imagepipe.importer.registry.manifest.Manifests;
import dev.imagepipe.importer.registry.manifest.OciManifest;
import dev.imagepipe.importer.registry.remote.RawManifest;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cosign signatures (A14.4): an OCI manifest at tag {@code sha256-<hex>.sig} whose layers of media type
 * {@link #PAYLOAD_MEDIA_TYPE} are simple-signing payloads, each with its base64 signature in the
 * {@link #SIGNATURE_ANNOTATION} annotation. A missing tag means no signatures. Layers larger than
 * {@link SignatureLimits#MAX_SIGNATURE_BYTES} or without a decodable signature are skipped with a warning.
 */
public final class CosignSignatures {

    /** The media type of a cosign payload layer. */
    public static final String PAYLOAD_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";

    /** The layer annotation holding the base64 signature of the payload. */
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

    private static final Logger log = LoggerFactory.getLogger(CosignSignatures.class);

    private CosignSignatures() {}

    /** {@code sha256-<hex>.sig}: where cosign stores the signatures of {@code imageDigest}. */
    public static String signatureTag(Digest imageDigest) {
        return imageDigest.algorithm() + "-" + imageDigest.hex() + ".sig";
    }

    /**
     * @throws RegistryException for failures other than a missing tag
     */
    static List<DiscoveredSignature> fetch(
            RegistryClient client, String registry, String repository, Digest imageDigest, RequestOptions options) {
        RawManifest raw;
        try {
            raw = client.getManifest(registry, repository, signatureTag(imageDigest), options);
        } catch (RegistryException e) {
            if (e.reason() == FailureReason.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        Manifest manifest = Manifests.parse(raw.mediaType(), raw.bytes());
        if (!(manifest instanceof OciManifest oci)) {
            throw new RegistryException(
                    FailureReason.UNSUPPORTED_MEDIA_TYPE,
                    "cosign signature manifest " + signatureTag(imageDigest) + " is " + raw.mediaType());
        }
        List<DiscoveredSignature> found = new ArrayList<>();
        for (Descriptor layer : oci.layers()) {
            if (found.size() == SignatureLimits.MAX_COSIGN_SIGNATURES) {
                log.warn(
                        "{}/{}: more than {} cosign signatures; ignoring the rest",
                        registry,
                        repository,
                        SignatureLimits.MAX_COSIGN_SIGNATURES);
                break;
            }
            if (PAYLOAD_MEDIA_TYPE.equals(layer.mediaType())) {
                signature(client, registry, repository, imageDigest, layer, options)
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    private static Optional<DiscoveredSignature> signature(
            RegistryClient client,
            String registry,
            String repository,
            Digest imageDigest,
            Descriptor layer,
            RequestOptions options) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(layer.annotations().getOrDefault(SIGNATURE_ANNOTATION, ""));
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        if (signature.length == 0 || layer.size() > SignatureLimits.MAX_SIGNATURE_BYTES) {
            log.warn(
                    "{}/{}: skipping cosign layer {}: no decodable signature or larger than {} bytes",
                    registry,
                    repository,
                    layer.digest(),
                    SignatureLimits.MAX_SIGNATURE_BYTES);
            return Optional.empty();
        }
        byte[] payload = client.getBlob(registry, repository, layer.digest().toString(), options);
        return Optional.of(new DiscoveredSignature(
                DiscoveredSignature.name(imageDigest.toString(), signature),
                SignatureType.COSIGN,
                payload,
                parse(payload),
                layer.annotations(),
                SignatureSource.COSIGN_TAG));
    }

    private static Optional<ClaimedPayload> parse(byte[] payload) {
        try {
            return Optional.of(ClaimedPayload.parse(payload, SignatureType.COSIGN));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
