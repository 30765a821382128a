package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trusted keys that decide for one image: those of the most specific scope covering its repository.
 *
 * @param scope that scope; empty when the global default (keys without scopes) applies
 * @param keys the keys in force, in policy order; empty when no key covers the image
 */
public record KeysInForce(Optional<RegistryScope> scope, List<TrustedKey> keys) {

    public KeysInForce {
        Objects.requireNonNull(scope, "scope");
        keys = List.copyOf(keys);
    }

    /** The scope as users read it in messages. */
    public String scopeDescription() {
        return scope.map(s -> "scope " + s).orElse("the global default (keys without scopes)");
    }

    /** Whether {@code key} is in force. */
    public boolean contains(TrustedKey key) {
        return keys.contains(key);
    }

    /** The names of the keys in force, for messages. */
    List<String> names() {
        return keys.stream().map(TrustedKey::name).toList();
    }
}
