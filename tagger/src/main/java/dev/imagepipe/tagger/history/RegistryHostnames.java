package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * Where streams live in the integrated registry (A12). Streams are pulled through {@code <host>/<ns>/<name>}.
 *
 * @param internal the internal registry hostname ({@code host[:port]}); empty when there is none
 * @param external the first external registry hostname, for {@code publicDockerImageRepository}; empty when none
 */
public record RegistryHostnames(Optional<String> internal, Optional<String> external) {

    /** No integrated registry: {@code Local} reference policies resolve to the source (D9). */
    public static final RegistryHostnames NONE = new RegistryHostnames(Optional.empty(), Optional.empty());

    public RegistryHostnames {
        Objects.requireNonNull(internal, "internal");
        Objects.requireNonNull(external, "external");
    }

    /** {@code <internal host>/<ns>/<name>}, if there is an internal registry. */
    public Optional<String> internalRepository(String namespace, String name) {
        return internal.map(host -> host + "/" + namespace + "/" + name);
    }

    /** {@code <external host>/<ns>/<name>}, if there is an external hostname. */
    public Optional<String> publicRepository(String namespace, String name) {
        return external.map(host -> host + "/" + namespace + "/" + name);
    }
}
