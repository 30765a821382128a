package dev.imagepipe.importer.image;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the one child of a manifest list that Legacy mode imports (A8.1). In order: the first entry matching the
 * preferred platform (the target tag's {@code prefer-arch} / {@code prefer-os}, each filled from the default platform
 * when only one is given), then the configured default platform (replacing OpenShift's control-plane GOOS/GOARCH,
 * which made the result depend on where the importer ran), then {@code linux/amd64}, then the first entry. The variant
 * is ignored in matching. Attestation entries are never chosen.
 */
public final class PlatformChooser {

    /** Which rule chose the entry; recorded in {@link PlatformSelection}. */
    public enum Rule {
        PREFERRED,
        DEFAULT_PLATFORM,
        LINUX_AMD64,
        FIRST_ENTRY
    }

    /**
     * The chosen entry and the rule that chose it.
     *
     * @param child the entry to fetch and import
     * @param rule the rule that chose it
     */
    public record Choice(ChildManifest child, Rule rule) {

        public Choice {
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(rule, "rule");
        }

        public PlatformSelection selection() {
            return new PlatformSelection(child.architecture(), child.os(), child.variant(), rule);
        }
    }

    private final Optional<Platform> defaultPlatform;

    private PlatformChooser(Optional<Platform> defaultPlatform) {
        this.defaultPlatform = defaultPlatform;
    }

    /** A chooser whose default platform is {@code defaultPlatform} (the cluster's node platform, say). */
    public static PlatformChooser withDefault(Platform defaultPlatform) {
        return new PlatformChooser(Optional.of(defaultPlatform));
    }

    /** A chooser with no default platform: preference, then {@code linux/amd64}, then the first entry. */
    public static PlatformChooser withoutDefault() {
        return new PlatformChooser(Optional.empty());
    }

    /**
     * Chooses among {@code children} (index order).
     *
     * @param preferArch the target tag's {@code importer.image.openshift.io/prefer-arch}, if set
     * @param preferOs the target tag's {@code importer.image.openshift.io/prefer-os}, if set
     * @throws RegistryException {@link FailureReason#NOT_FOUND} {@code no manifests in manifest list} when empty, or
     *     when every entry is an attestation
     */
    public Choice choose(List<ChildManifest> children, Optional<String> preferArch, Optional<String> preferOs) {
        if (children.isEmpty()) {
            throw new RegistryException(FailureReason.NOT_FOUND, "no manifests in manifest list");
        }
        List<ChildManifest> runnable =
                children.stream().filter(child -> !child.attestation()).toList();
        if (runnable.isEmpty()) {
            throw new RegistryException(
                    FailureReason.NOT_FOUND,
                    "manifest list has only attestation manifests (%d), no runnable image".formatted(children.size()));
        }
        // an annotation set to "" means no preference, as an absent one does
        preferArch = preferArch.filter(arch -> !arch.isBlank());
        preferOs = preferOs.filter(os -> !os.isBlank());
        if (preferArch.isPresent() || preferOs.isPresent()) {
            Platform fallback = defaultPlatform.orElse(Platform.LINUX_AMD64);
            Platform preferred =
                    new Platform(preferOs.orElse(fallback.os()), preferArch.orElse(fallback.architecture()), null);
            Optional<Choice> choice = first(runnable, matching(preferred), Rule.PREFERRED);
            if (choice.isPresent()) {
                return choice.get();
            }
        }
        return defaultPlatform
                .flatMap(platform -> first(runnable, matching(platform), Rule.DEFAULT_PLATFORM))
                .or(() -> first(runnable, matching(Platform.LINUX_AMD64), Rule.LINUX_AMD64))
                .orElseGet(() -> new Choice(runnable.get(0), Rule.FIRST_ENTRY));
    }

    private static Predicate<ChildManifest> matching(Platform platform) {
        return child -> platform.matches(child.os(), child.architecture());
    }

    private static Optional<Choice> first(List<ChildManifest> children, Predicate<ChildManifest> test, Rule rule) {
        return children.stream().filter(test).findFirst().map(child -> new Choice(child, rule));
    }
}
