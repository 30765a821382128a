package dev.imagepipe.schemas.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A thread-safe least-recently-used map with a fixed capacity. Loads run outside the lock, so two threads missing
 * the same key may both load it; that is fine for registry answers, which are idempotent.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Supplier<V> loader) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V loaded = loader.get();
        put(key, loaded);
        return loaded;
    }

    void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
