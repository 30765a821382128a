package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The trusted keys of a policy, their material parsed once, and scope resolution (A14.5): for an image, the most
 * specific scope among all keys' scopes that covers its repository decides, and only keys listing that scope are in
 * force; keys of broader scopes do not add to it. Specificity: any {@code host[/path]} scope beats any {@code *.domain}
 * wildcard, and within each kind the longer beats the shorter (all scopes covering one repository are prefixes of it,
 * or suffixes of its host, so longer means nearer). Keys without scopes form the global default, used only when no
 * scope covers the image.
 */
public final class TrustPolicy {

    /** Orders scopes covering one repository from least to most specific. */
    static final Comparator<RegistryScope> SPECIFICITY = Comparator.comparing(
                    (RegistryScope scope) -> !scope.value().startsWith("*"))
            .thenComparing(scope -> scope.value().length());

    private final List<TrustedKey> keys;
    private final List<ParsedKey> parsed;

    /** @param keys the policy's trusted keys, in policy order */
    public TrustPolicy(List<TrustedKey> keys) {
        this.keys = List.copyOf(keys);
        this.parsed = this.keys.stream().map(ParsedKey::of).toList();
    }

    /** The policy's keys, in policy order. */
    public List<TrustedKey> keys() {
        return keys;
    }

    /** The keys in force for images of {@code image}'s repository. */
    public KeysInForce keysFor(DockerReference image) {
        Optional<RegistryScope> winner = keys.stream()
                .flatMap(key -> key.scopes().stream())
                .filter(scope -> scope.contains(image.name()))
                .max(SPECIFICITY);
        List<TrustedKey> inForce = winner.map(scope -> keys.stream()
                        .filter(key -> key.scopes().contains(scope))
                        .toList())
                .orElseGet(() ->
                        keys.stream().filter(key -> key.scopes().isEmpty()).toList());
        return new KeysInForce(winner, inForce);
    }

    /** Parsed keys of {@code kind}: those in force first, then the rest, each in policy order. */
    <K extends ParsedKey> List<K> candidates(Class<K> kind, KeysInForce inForce) {
        Stream<ParsedKey> inForceFirst = Stream.concat(
                parsed.stream().filter(p -> inForce.contains(p.key())),
                parsed.stream().filter(p -> !inForce.contains(p.key())));
        return inForceFirst.filter(kind::isInstance).map(kind::cast).toList();
    }
}
