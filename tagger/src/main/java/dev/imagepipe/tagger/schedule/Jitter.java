package dev.imagepipe.tagger.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A per-stream offset added to each next-due time, so streams that became scheduled together (a bulk create, a
 * restore) spread out instead of coming due in the same minute. Deterministic: a hash of seed and stream key, so a
 * replay or another instance computes the same schedule. Only ever added, so the minimum interval holds.
 */
final class Jitter {

    /**
     * Jitter spans a tenth of the interval: 90 s at the 15-minute default, enough to spread a burst across the
     * per-minute budget while keeping each stream's period within 10% of what the administrator configured.
     */
    static final int WINDOW_DIVISOR = 10;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Jitter() {}

    static Duration of(String streamKey, long seed, Duration interval) {
        long window = interval.toMillis() / WINDOW_DIVISOR;
        if (window <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.floorMod(mix(fnv1a(streamKey) ^ seed), window));
    }

    /** FNV-1a over UTF-8: 64 bits, where {@code String.hashCode} has 32 and clusters for keys that differ at the end. */
    private static long fnv1a(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** MurmurHash3's 64-bit finaliser, so nearby seeds and keys land far apart. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
