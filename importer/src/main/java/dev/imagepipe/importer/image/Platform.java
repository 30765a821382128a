package dev.imagepipe.importer.image;

import java.util.Objects;

/**
 * An image platform.
 *
 * @param os e.g. {@code linux}
 * @param architecture GOARCH spelling, e.g. {@code amd64}, {@code arm64}
 * @param variant e.g. {@code v8}, or {@code null}; never used in matching (A8.1)
 */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    /** Whether os and architecture are equal; the variant is ignored. */
    public boolean matches(String otherOs, String otherArchitecture) {
        return os.equals(otherOs) && architecture.equals(otherArchitecture);
    }

    /** {@code os/architecture[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
