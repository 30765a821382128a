package dev.imagepipe.cli.imports;

import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import java.util.Objects;
import java.util.Optional;

/**
 * The flags of {@code imagepipe import <ref> --to ns/stream[:tag]}.
 *
 * @param from the pull spec to import
 * @param target the stream (and tag) to import into
 * @param wholeRepository {@code --all}: import the repository's tags (spec.repository) instead of one image
 * @param mode {@code --mode}; empty leaves it to the cluster default
 * @param insecure {@code --insecure}
 * @param scheduled {@code --scheduled}
 * @param includeManifest {@code --include-manifest}
 * @param referencePolicy {@code --reference-policy}
 * @param dryRun {@code --dry-run}: spec.import false
 */
public record ImportOptions(
        String from,
        ImportTarget target,
        boolean wholeRepository,
        Optional<ImportMode> mode,
        boolean insecure,
        boolean scheduled,
        boolean includeManifest,
        ReferencePolicyType referencePolicy,
        boolean dryRun) {

    public ImportOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(referencePolicy, "referencePolicy");
    }

    /** One image into {@code target}, the way OpenShift defaults everything else. */
    public static ImportOptions of(String from, ImportTarget target) {
        return new ImportOptions(
                from, target, false, Optional.empty(), false, false, false, ReferencePolicyType.Source, false);
    }
}
