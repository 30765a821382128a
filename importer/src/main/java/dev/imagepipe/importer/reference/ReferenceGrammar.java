package dev.imagepipe.importer.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull-spec grammar {@code name[:tag][@digest]} of the distribution reference library, as library-go vendors it
 * (A1.1), and the error precedence of its {@code Parse} (A1.2).
 */
final class ReferenceGrammar {

    static final String NAME_EMPTY = "repository name must have at least one component";
    static final String NAME_UPPERCASE = "repository name must be lowercase";
    static final String INVALID_FORMAT = "invalid reference format";
    static final String NAME_TOO_LONG = "repository name must not be more than 255 characters";

    /** Registries and Docker reject longer names, registry host included (distribution's NameTotalLengthMax). */
    static final int MAX_NAME_LENGTH = 255;

    /** The longest tag the grammar accepts. */
    static final int MAX_TAG_LENGTH = 128;

    /**
     * Longer input is rejected before the regex runs: Java's regex engine may still recurse per character in the
     * alternations, so input size is bounded up front. No valid reference comes close:
     * name 255 + {@code :} + tag 128 + {@code @} + sha512 digest 135 = 520.
     */
    static final int MAX_INPUT_LENGTH = 1024;

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-z0-9._:/-]+");

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|-+)";
    // Repeated groups are possessive (*+): nothing after them could match what giving back would expose (a separator,
    // a dot or a slash), and possessive groups loop instead of recursing once per repetition.
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*+";
    // Longest alternative first: inside a possessive repetition the first alternative that matches is kept.
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]|[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*+(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*+";
    private static final String TAG = "\\w[\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*+:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

    private ReferenceGrammar() {}

    /** The parts of a matched pull spec before splitting the name: name, tag and digest as written. */
    record Match(String name, Optional<String> tag, Optional<String> digest) {}

    /**
     * The problem with input over {@link #MAX_INPUT_LENGTH}, found without the regex: a long name of name characters
     * is too long, anything else (including a digest of hundreds of characters) is not a reference.
     */
    private static String overLongProblem(String input) {
        int at = input.indexOf('@');
        String beforeDigest = at < 0 ? input : input.substring(0, at);
        boolean nameOverLimit = beforeDigest.length() > MAX_NAME_LENGTH + 1 + MAX_TAG_LENGTH;
        return nameOverLimit && NAME_CHARACTERS.matcher(beforeDigest).matches() ? NAME_TOO_LONG : INVALID_FORMAT;
    }

    static Match match(String input) {
        if (input.isEmpty()) {
            throw new InvalidReferenceException(input, NAME_EMPTY);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new InvalidReferenceException(input, overLongProblem(input));
        }
        Matcher matcher = REFERENCE.matcher(input);
        if (!matcher.matches()) {
            boolean onlyCase = REFERENCE.matcher(input.toLowerCase(Locale.ROOT)).matches();
            throw new InvalidReferenceException(input, onlyCase ? NAME_UPPERCASE : INVALID_FORMAT);
        }
        String name = matcher.group(1);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException(input, NAME_TOO_LONG);
        }
        Optional<String> digest = Optional.ofNullable(matcher.group(3));
        digest.flatMap(Digests::problem).ifPresent(problem -> {
            throw new InvalidReferenceException(input, problem);
        });
        return new Match(name, Optional.ofNullable(matcher.group(2)), digest);
    }
}
