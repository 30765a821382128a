package dev.imagepipe.local.registry;

import java.util.Optional;

/** One mutation of the registry's state, as a {@link SchemaStore} persists and replays it. */
public sealed interface StoreRecord {

    /** A subject version was registered or soft-deleted; the latest record per (subject, version) wins. */
    record SchemaRecord(StoredVersion version) implements StoreRecord {}

    /**
     * A compatibility level was set.
     *
     * @param subject the subject, or empty for the global level
     */
    record ConfigRecord(Optional<String> subject, CompatibilityLevel level) implements StoreRecord {}
}
