package dev.imagepipe.importer.registry.transport;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The process-wide limiters, one pair per registry host, shared by every transport and caller so that many streams
 * importing from one registry together stay within one budget.
 *
 * @param concurrency requests in flight at once
 * @param rate request starts per second
 */
public record RegistryLimits(ConcurrencyLimit concurrency, RateLimit rate) {

    /** Eight in flight: enough to overlap latency, few enough that no public registry treats us as abusive. */
    public static final int DEFAULT_CONCURRENCY = 8;

    /** Ten requests a second sustained: twice OpenShift's per-repository 5/s (A6.4), but across all repositories. */
    public static final double DEFAULT_RATE_PER_SECOND = 10;

    /** A burst of twenty: one image import (HEAD, GET manifest, GET config, per platform) fits without waiting. */
    public static final int DEFAULT_BURST = 20;

    private static final ConcurrentMap<String, RegistryLimits> SHARED = new ConcurrentHashMap<>();

    /** Limits for hosts not configured one by one: concurrency, rate, burst. */
    private record Defaults(int concurrency, double ratePerSecond, int burst) {}

    private static volatile Defaults defaults =
            new Defaults(DEFAULT_CONCURRENCY, DEFAULT_RATE_PER_SECOND, DEFAULT_BURST);

    /**
     * Sets the limits every registry host gets on first use unless {@link #configure} named it; hosts already in use
     * keep theirs. For configuration at start-up (the importer's per-registry settings).
     */
    public static void setDefaults(int concurrency, double ratePerSecond, int burst) {
        defaults = new Defaults(concurrency, ratePerSecond, burst);
    }

    /**
     * Sets the limits of {@code registryHost} for the whole process, replacing any set before; callers already holding
     * the previous limiters keep them until their next lookup. For configuration at start-up.
     */
    public static RegistryLimits configure(String registryHost, int concurrency, double ratePerSecond, int burst) {
        RegistryLimits limits =
                new RegistryLimits(new ConcurrencyLimit(concurrency), new RateLimit(ratePerSecond, burst));
        SHARED.put(registryHost.toLowerCase(Locale.ROOT), limits);
        return limits;
    }

    /** The limiters of {@code registryHost} ({@code host[:port]}), created with the defaults on first use. */
    public static RegistryLimits forRegistry(String registryHost) {
        return SHARED.computeIfAbsent(registryHost.toLowerCase(Locale.ROOT), host -> {
            Defaults current = defaults;
            return new RegistryLimits(
                    new ConcurrencyLimit(current.concurrency()),
                    new RateLimit(current.ratePerSecond(), current.burst()));
        });
    }
}
