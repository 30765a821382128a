package dev.imagepipe.importer.reference;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of {@code algorithm:hex} digests with the messages of the OCI digest library (go-digest). */
final class Digests {

    static final String INVALID_FORMAT = "invalid checksum digest format";
    static final String INVALID_LENGTH = "invalid checksum digest length";
    static final String UNSUPPORTED = "unsupported digest algorithm";

    /** The algorithms go-digest registers, with the length of their hex encoding. */
    private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    private static final Pattern ANY_DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

    private Digests() {}

    /** The problem with {@code digest}, or empty when it is a valid digest of a supported algorithm. */
    static Optional<String> problem(String digest) {
        int colon = digest.indexOf(':');
        if (colon <= 0 || colon + 1 == digest.length()) {
            return Optional.of(INVALID_FORMAT);
        }
        Integer hexLength = HEX_LENGTHS.get(digest.substring(0, colon));
        if (hexLength == null) {
            return Optional.of(ANY_DIGEST.matcher(digest).matches() ? UNSUPPORTED : INVALID_FORMAT);
        }
        String encoded = digest.substring(colon + 1);
        if (encoded.length() != hexLength) {
            return Optional.of(INVALID_LENGTH);
        }
        return LOWER_HEX.matcher(encoded).matches() ? Optional.empty() : Optional.of(INVALID_FORMAT);
    }
}
