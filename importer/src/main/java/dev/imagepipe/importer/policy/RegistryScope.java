package dev.imagepipe.importer.policy;

import java.util.Objects;

/**
 * A registries.conf scope as {@code registrySources} uses them: {@code host[:port]} optionally followed by
 * {@code /namespace/...}, or a {@code *.domain} wildcard that covers every host under that domain (A4, D7). Matching
 * respects component boundaries: {@code quay.io} covers {@code quay.io/ns} but not {@code quay.io.example.com},
 * {@code quay.io2} or {@code quay.io:443}.
 *
 * @param value the scope as configured
 */
public record RegistryScope(String value) {

    private static final String WILDCARD_PREFIX = "*.";

    /** @throws IllegalArgumentException when {@code value} is not a valid scope ({@link #isValid}) */
    public RegistryScope {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid registry scope \"" + value + "\"");
        }
    }

    /**
     * Whether {@code scope} is a valid scope: non-empty, and either free of {@code *} or exactly {@code *.} followed by
     * a domain without {@code *}, {@code /}, {@code @} or {@code :}.
     */
    public static boolean isValid(String scope) {
        if (scope.isEmpty()) {
            return false;
        }
        if (isWildcard(scope)) {
            String domain = scope.substring(WILDCARD_PREFIX.length());
            return !domain.isEmpty() && domain.chars().noneMatch(c -> "*/@:".indexOf(c) >= 0);
        }
        return !scope.contains("*");
    }

    private static boolean isWildcard(String scope) {
        return scope.startsWith(WILDCARD_PREFIX);
    }

    /** Whether {@code name} (a normalized repository name, or another scope) lies inside this scope. */
    public boolean contains(String name) {
        return isNestedInside(name, value);
    }

    /**
     * Whether {@code subScope} lies inside {@code superScope} (runtime-utils {@code ScopeIsNestedInsideScope}): equal,
     * a path below it, or, for a valid {@code *.domain} super-scope, a host (port ignored) under that domain.
     */
    public static boolean isNestedInside(String subScope, String superScope) {
        if (subScope.equals(superScope)) {
            return true;
        }
        if (isWildcard(superScope)) {
            return isValid(superScope) && hostOf(subScope).endsWith(superScope.substring(1));
        }
        return subScope.startsWith(superScope) && subScope.charAt(superScope.length()) == '/';
    }

    private static String hostOf(String scope) {
        int slash = scope.indexOf('/');
        String hostPort = slash < 0 ? scope : scope.substring(0, slash);
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    @Override
    public String toString() {
        return value;
    }
}
