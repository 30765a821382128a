package dev.imagepipe.importer.registry.transport;

/** Caps on response bodies, enforced while streaming so a hostile registry cannot exhaust memory. */
public final class BodyLimits {

    /** Manifests: distribution's own default limit for a manifest PUT is 4 MiB, so no valid manifest is larger. */
    public static final long MANIFEST = 4L * 1024 * 1024;

    /** Image configs: histories of many-layer images reach a few MiB; 8 MiB leaves room and still bounds memory. */
    public static final long CONFIG = 8L * 1024 * 1024;

    /** One tag-list page: ~20 000 typical tag names; larger pages mean a misbehaving registry. */
    public static final long TAG_PAGE = 1L * 1024 * 1024;

    /** Error bodies and token responses: a few hundred bytes in practice; we only read them for codes and tokens. */
    public static final long SMALL = 64L * 1024;

    private BodyLimits() {}

    /** {@code 4 MiB}, {@code 512 KiB}: how a cap reads in messages. */
    public static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
