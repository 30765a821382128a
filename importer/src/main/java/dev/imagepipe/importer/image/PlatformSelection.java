package dev.imagepipe.importer.image;

import java.util.Objects;

/**
 * Which platform of a list Legacy mode imported, and by which rule (Avro {@code PlatformSelection}).
 *
 * @param variant the chosen entry's variant, or {@code null}; recorded, never matched
 * @param rule the rule that chose it
 */
public record PlatformSelection(String architecture, String os, String variant, PlatformChooser.Rule rule) {

    public PlatformSelection {
        Objects.requireNonNull(rule, "rule");
    }
}
