package dev.imagepipe.importer.policy;

/**
 * The glob of {@code allowedRegistriesForImport} (OpenShift {@code IsWildcardMatch}, A3.3): the whole string must
 * match, {@code *} is any run of characters (dots included, possibly none), {@code ?} exactly one character; there is
 * no escaping and case matters.
 */
public final class Wildcard {

    private Wildcard() {}

    /** Whether {@code value} matches {@code pattern}. */
    public static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = v;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (starAt >= 0) {
                // Let the last star swallow one more character and retry from there.
                p = starAt + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
