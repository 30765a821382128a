package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.Digest;
import dev.imagepipe.importer.registry.manifest.Manifests;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link Rule#MANIFEST_DIGEST}: an {@code images} record is keyed by its image's digest, and where it keeps the
 * manifest (always, by decision 10) the manifest hashes to that digest, with the importer's own check (a signed
 * schema 1 manifest hashes its canonical payload).
 */
public final class ManifestDigests {

    private ManifestDigests() {}

    /** The violation {@code record} makes, if any; a tombstone makes none. */
    public static Optional<Violation> check(Logged<ImageEntry> record) {
        if (record.value().isEmpty()) {
            return Optional.empty();
        }
        ImageEntry image = record.get();
        if (!record.key().equals(image.digest())) {
            return violation(record, "images record keyed " + record.key() + " holds image " + image.digest());
        }
        if (image.manifest().isEmpty()) {
            return Optional.empty();
        }
        Digest expected;
        try {
            expected = Digest.parse(image.digest());
        } catch (IllegalArgumentException e) {
            return violation(record, "image name " + image.digest() + " is not a digest: " + e.getMessage());
        }
        try {
            Manifests.verify(
                    image.manifestMediaType(), image.manifest().get().getBytes(StandardCharsets.UTF_8), expected);
            return Optional.empty();
        } catch (RegistryException e) {
            return violation(record, "image " + image.digest() + ": " + e.getMessage());
        }
    }

    private static Optional<Violation> violation(Logged<ImageEntry> record, String message) {
        return Optional.of(Violation.of(
                Rule.MANIFEST_DIGEST,
                message,
                Evidence.of(
                        record,
                        "image " + record.get().digest() + " (" + record.get().manifestMediaType() + ")")));
    }
}
