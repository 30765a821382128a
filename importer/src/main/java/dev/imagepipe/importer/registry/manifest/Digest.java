package dev.imagepipe.importer.registry.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A content digest, {@code algorithm:hex}. Only {@code sha256} (the registry default) and {@code sha512} (allowed by
 * the OCI image spec) are accepted; the hex part must be lower case and of the algorithm's length.
 *
 * @param algorithm {@code sha256} or {@code sha512}
 * @param hex the lower-case hex encoding of the hash
 */
public record Digest(String algorithm, String hex) {

    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";

    /** Hex length per supported algorithm, and the JCA name that computes it. */
    private static final Map<String, Integer> HEX_LENGTHS = Map.of(SHA256, 64, SHA512, 128);

    private static final Map<String, String> JCA_NAMES = Map.of(SHA256, "SHA-256", SHA512, "SHA-512");

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        Integer length = HEX_LENGTHS.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        }
        if (hex.length() != length || !hex.chars().allMatch(Digest::isLowerHex)) {
            throw new IllegalArgumentException("invalid " + algorithm + " digest: " + algorithm + ":" + hex);
        }
    }

    /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} when it is not a supported digest. */
    public static Digest parse(String digest) {
        Objects.requireNonNull(digest, "digest");
        int colon = digest.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("invalid digest: " + digest);
        }
        return new Digest(digest.substring(0, colon), digest.substring(colon + 1));
    }

    /** The digest of {@code content} with {@code algorithm}. */
    public static Digest of(String algorithm, byte[] content) {
        String jcaName = JCA_NAMES.get(algorithm);
        if (jcaName == null) {
            throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        }
        try {
            byte[] hash = MessageDigest.getInstance(jcaName).digest(content);
            return new Digest(algorithm, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + jcaName, e);
        }
    }

    /** The sha256 digest of {@code content}: the algorithm registries use unless told otherwise. */
    public static Digest sha256(byte[] content) {
        return of(SHA256, content);
    }

    /** The digest of {@code content} with this digest's algorithm, for comparing against this one. */
    public Digest recompute(byte[] content) {
        return of(algorithm, content);
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
