package dev.imagepipe.importer.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 9110 11.6.1): a scheme ({@code bearer}, {@code basic}, lower-cased) and
 * its parameters ({@code realm}, {@code service}, {@code scope}; names lower-cased).
 */
public record Challenge(String scheme, Map<String, String> parameters) {

    public Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public boolean isBearer() {
        return "bearer".equals(scheme);
    }

    public boolean isBasic() {
        return "basic".equals(scheme);
    }

    /** Every challenge in every header value, in order; malformed parts are skipped. */
    public static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> result = new ArrayList<>();
        headerValues.forEach(value -> result.addAll(parse(value)));
        return List.copyOf(result);
    }

    /** The challenges in one header value, e.g. {@code Basic realm="r", Bearer realm="t",service="s"}. */
    public static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        Parser p = new Parser(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (p.skipSeparators()) {
            String token = p.token();
            if (token.isEmpty()) {
                p.pos++; // stray character
                continue;
            }
            p.skipSpaces();
            if (p.peek() == '=') {
                p.pos++;
                p.skipSpaces();
                String value = p.peek() == '"' ? p.quoted() : p.token();
                if (scheme != null) {
                    params.put(token.toLowerCase(Locale.ROOT), value);
                }
            } else {
                if (scheme != null) {
                    challenges.add(new Challenge(scheme, params));
                }
                scheme = token;
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            challenges.add(new Challenge(scheme, params));
        }
        return challenges;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s == null ? "" : s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean skipSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ',' || Character.isWhitespace(s.charAt(pos)))) {
                pos++;
            }
            return pos < s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quoted() {
            StringBuilder value = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length() && s.charAt(pos) != '"') {
                if (s.charAt(pos) == '\\' && pos + 1 < s.length()) {
                    pos++;
                }
                value.append(s.charAt(pos++));
            }
            pos++; // closing quote
            return value.toString();
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0
                    || c == '/'
                    || c == ':'; // tolerate unquoted URLs and scopes
        }
    }
}
