package dev.imagepipe.importer.topology;

import dev.imagepipe.importer.task.CachedImport;
import dev.imagepipe.importer.task.KnownImports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fetch workers' view of the known-imports store: state stores may only be touched on the stream thread, so the
 * processor writes through to this bounded, least-recently-used map that workers read. A miss here only costs a GET.
 */
final class KnownView implements KnownImports {

    private final Map<String, CachedImport> entries;

    KnownView(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedImport> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<CachedImport> find(Key key) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key.asString()));
        }
    }

    void put(String key, CachedImport value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }
}
