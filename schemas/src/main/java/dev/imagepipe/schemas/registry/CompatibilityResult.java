package dev.imagepipe.schemas.registry;

import java.util.List;

/**
 * The registry's answer to a compatibility check.
 *
 * @param compatible the registry's {@code is_compatible}
 * @param messages the registry's verbose explanations; empty when compatible
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
