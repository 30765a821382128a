package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /v2/<name>/blobs/<digest>} for small blobs (image configs): follows the registry's redirect to storage,
 * caps the body at {@link BodyLimits#CONFIG} and checks the bytes hash to the digest asked for.
 */
public final class GetBlob {

    private GetBlob() {}

    /**
     * @throws RegistryException {@code IntegrityMismatch} when the bytes do not hash to {@code digest}
     */
    public static byte[] get(RemoteRepository repository, String digest) {
        if (!RemoteRepository.isDigest(digest)) {
            throw new RegistryException(FailureReason.INVALID_REFERENCE, "invalid blob digest: " + digest);
        }
        RegistryResponse response = repository.sendOrThrow(
                RegistryRequest.get(repository.uri("blobs/" + digest), BodyLimits.CONFIG),
                "blob " + repository.describe() + "@" + digest);
        String actual = digestOf(digest.substring(0, digest.indexOf(':')), response.body());
        if (!actual.equals(digest)) {
            throw new RegistryException(
                    FailureReason.INTEGRITY_MISMATCH,
                    "content integrity error: blob " + repository.describe() + "@" + digest + " hashes to " + actual);
        }
        return response.body();
    }

    static String digestOf(String algorithm, byte[] bytes) {
        String javaName =
                switch (algorithm) {
                    case "sha256" -> "SHA-256";
                    case "sha512" -> "SHA-512";
                    default ->
                        throw new RegistryException(
                                FailureReason.INTEGRITY_MISMATCH, "unsupported digest algorithm " + algorithm);
                };
        try {
            return algorithm + ":"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance(javaName).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
