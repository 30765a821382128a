package dev.imagepipe.importer.registry.manifest;

/**
 * The {@code platform} object of an index or manifest-list entry, as written; absent fields are empty strings.
 *
 * @param os e.g. {@code linux}; {@code unknown} for attestation entries
 * @param architecture e.g. {@code amd64}; {@code unknown} for attestation entries
 * @param variant e.g. {@code v8}, or {@code null}
 */
public record ManifestPlatform(String os, String architecture, String variant) {

    public ManifestPlatform {
        os = os == null ? "" : os;
        architecture = architecture == null ? "" : architecture;
        variant = variant == null || variant.isEmpty() ? null : variant;
    }
}
