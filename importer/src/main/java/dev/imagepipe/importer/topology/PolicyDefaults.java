package dev.imagepipe.importer.topology;

import dev.imagepipe.schemas.avro.ImportPolicy;
import java.util.Objects;

/**
 * Which policy the importer reads, and what it does while the {@code policy} topic holds none of that name.
 *
 * @param name the key read from the {@code policy} topic
 * @param fallback the policy in force until one is published
 */
public record PolicyDefaults(String name, ImportPolicy fallback) {

    public PolicyDefaults {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fallback, "fallback");
    }
}
