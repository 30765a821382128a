package dev.imagepipe.local.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's state, built by applying {@link StoreRecord}s in order. Not thread-safe: the {@link SchemaStore}
 * that owns it and {@link SchemaRegistry} serialize access.
 */
public final class RegistryState {

    private final Map<String, TreeMap<Integer, StoredVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int maxId;

    /** Applies one mutation; replaying the same records always yields the same state. */
    public void apply(StoreRecord record) {
        switch (record) {
            case StoreRecord.SchemaRecord(StoredVersion v) -> {
                subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
                schemasById.put(v.id(), v.schema());
                idsBySchema.putIfAbsent(v.schema(), v.id());
                maxId = Math.max(maxId, v.id());
            }
            case StoreRecord.ConfigRecord(Optional<String> subject, CompatibilityLevel level) -> {
                if (subject.isPresent()) {
                    subjectLevels.put(subject.get(), level);
                } else {
                    globalLevel = level;
                }
            }
        }
    }

    /** Subjects with at least one live version, sorted. */
    List<String> subjects() {
        return subjects.keySet().stream()
                .filter(s -> !liveVersions(s).isEmpty())
                .toList();
    }

    /** The subject's versions that are not soft-deleted, oldest first. */
    List<StoredVersion> liveVersions(String subject) {
        List<StoredVersion> live = new ArrayList<>();
        subjects.getOrDefault(subject, new TreeMap<>()).values().forEach(v -> {
            if (!v.deleted()) {
                live.add(v);
            }
        });
        return live;
    }

    /** The highest version number ever used in the subject, deleted or not; 0 for a new subject. */
    int lastVersionNumber(String subject) {
        TreeMap<Integer, StoredVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    Optional<Integer> idOf(String normalSchema) {
        return Optional.ofNullable(idsBySchema.get(normalSchema));
    }

    int nextId() {
        return maxId + 1;
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
