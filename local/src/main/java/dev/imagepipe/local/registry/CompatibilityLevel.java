package dev.imagepipe.local.registry;

import java.util.Locale;

/**
 * Confluent's compatibility levels. A non-transitive level checks a new schema against the newest live version
 * only; a transitive one against every live version. BACKWARD: readers on the new schema read data written with
 * the old ones. FORWARD: readers on the old schemas read data written with the new one. FULL: both.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's default, and the level imagepipe's schema evolution rules are written for. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Parses a level name, case-insensitively as Confluent does.
     *
     * @throws RegistryError 42203 for an unknown name
     */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw RegistryError.invalidCompatibilityLevel();
    }

    boolean backward() {
        return backward;
    }

    boolean forward() {
        return forward;
    }

    boolean transitive() {
        return transitive;
    }
}
