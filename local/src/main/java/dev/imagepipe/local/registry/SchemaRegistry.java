package dev.imagepipe.local.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's operations, independent of HTTP: each either answers or throws {@link RegistryError} with
 * Confluent's status and error code. All operations are serialized on this object, so id and version allocation
 * cannot race within one server.
 */
final class SchemaRegistry {

    private static final String LATEST = "latest";

    private final SchemaStore store;

    SchemaRegistry(SchemaStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Registers a schema: the existing id when the subject already has it live; otherwise a new version, with the
     * id the same schema has in any subject, or a new one.
     *
     * @throws RegistryError 409 when it breaks the subject's compatibility level
     */
    synchronized int register(String subject, SchemaText schema) {
        RegistryState state = store.state();
        List<StoredVersion> live = state.liveVersions(subject);
        Optional<StoredVersion> existing = find(live, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<String> problems = CompatibilityChecker.incompatibilities(level(subject), schema.schema(), live);
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, problems);
        }
        int id = state.idOf(schema.normal()).orElseGet(state::nextId);
        StoredVersion version =
                new StoredVersion(subject, state.lastVersionNumber(subject) + 1, id, schema.normal(), false);
        store.append(List.of(new StoreRecord.SchemaRecord(version)));
        return id;
    }

    /** The live version of {@code subject} holding {@code schema}; 40401 or 40403 when there is none. */
    synchronized StoredVersion lookup(String subject, SchemaText schema) {
        return find(requireLive(subject), schema).orElseThrow(RegistryError::schemaNotFound);
    }

    /** The schema with this id, also when every version holding it was soft-deleted. */
    synchronized String schemaById(int id) {
        return store.state().schemaById(id).orElseThrow(() -> RegistryError.schemaIdNotFound(id));
    }

    synchronized List<String> subjects() {
        return store.state().subjects();
    }

    synchronized List<Integer> versions(String subject) {
        return requireLive(subject).stream().map(StoredVersion::version).toList();
    }

    synchronized StoredVersion version(String subject, String version) {
        return pick(requireLive(subject), version);
    }

    /** Soft-deletes every live version of the subject; returns their numbers. */
    synchronized List<Integer> deleteSubject(String subject) {
        List<StoredVersion> live = requireLive(subject);
        List<StoreRecord> records = new ArrayList<>();
        live.forEach(v -> records.add(new StoreRecord.SchemaRecord(v.softDeleted())));
        store.append(records);
        return live.stream().map(StoredVersion::version).toList();
    }

    /** Soft-deletes one live version; returns its number. */
    synchronized int deleteVersion(String subject, String version) {
        StoredVersion found = pick(requireLive(subject), version);
        store.append(List.of(new StoreRecord.SchemaRecord(found.softDeleted())));
        return found.version();
    }

    /**
     * The reasons {@code schema} could not be registered against one version under the subject's level; empty
     * when it could.
     */
    synchronized List<String> checkCompatibility(String subject, String version, SchemaText schema) {
        StoredVersion against = pick(requireLive(subject), version);
        return CompatibilityChecker.incompatibilities(level(subject), schema.schema(), List.of(against));
    }

    synchronized CompatibilityLevel globalLevel() {
        return store.state().globalLevel();
    }

    synchronized void setGlobalLevel(CompatibilityLevel level) {
        store.append(List.of(new StoreRecord.ConfigRecord(Optional.empty(), level)));
    }

    /** The subject's own level; with {@code defaultToGlobal} the global one when it has none, else 40408. */
    synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = store.state().subjectLevel(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return store.state().globalLevel();
        }
        throw RegistryError.subjectCompatibilityNotConfigured(subject);
    }

    synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        store.append(List.of(new StoreRecord.ConfigRecord(Optional.of(subject), level)));
    }

    private CompatibilityLevel level(String subject) {
        RegistryState state = store.state();
        return state.subjectLevel(subject).orElse(state.globalLevel());
    }

    private List<StoredVersion> requireLive(String subject) {
        List<StoredVersion> live = store.state().liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live;
    }

    private static Optional<StoredVersion> find(List<StoredVersion> versions, SchemaText schema) {
        return versions.stream().filter(v -> v.schema().equals(schema.normal())).findFirst();
    }

    /** A live version by number, or the newest for {@code latest} or {@code -1} (Confluent accepts both). */
    private static StoredVersion pick(List<StoredVersion> live, String version) {
        if (version.equals(LATEST) || version.equals("-1")) {
            return live.getLast();
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(version);
        }
        if (number < 1) {
            throw RegistryError.invalidVersion(version);
        }
        return live.stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(version));
    }
}
