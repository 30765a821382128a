package dev.imagepipe.bench.replay;

/**
 * The size and texture of a synthetic history.
 *
 * @param streams image streams
 * @param tagsPerStream tags in each stream
 * @param importsPerTag import rounds of each stream (one request each, covering all its tags)
 * @param failEvery every this-many-th round fails (and the next recovers)
 * @param signEvery every this-many-th new image is signed
 */
record HistoryShape(int streams, int tagsPerStream, int importsPerTag, int failEvery, int signEvery) {

    /** A few tags per stream, as application images have (latest, stable, a version or two). */
    static final int TAGS_PER_STREAM = 4;

    /** A day of hourly imports: long histories are what make a replay's per-tag bookkeeping matter. */
    static final int IMPORTS_PER_TAG = 24;

    /** One round in ten fails: registries do fail, and failures take their own path through the checks. */
    static final int FAIL_EVERY = 10;

    /** One image in ten signed: signature re-verification is the one check with real cryptography in it. */
    static final int SIGN_EVERY = 10;

    HistoryShape {
        if (streams < 1 || tagsPerStream < 1 || importsPerTag < 1 || failEvery < 2 || signEvery < 1) {
            throw new IllegalArgumentException("invalid history shape " + this);
        }
    }

    /** The default texture with as many streams as it takes to reach about {@code records} records. */
    static HistoryShape ofAbout(long records) {
        HistoryShape one = new HistoryShape(1, TAGS_PER_STREAM, IMPORTS_PER_TAG, FAIL_EVERY, SIGN_EVERY);
        long perStream = new SyntheticHistory(one).count() - 1; // less the policy record
        int streams = (int) Math.max(1, Math.round((double) records / perStream));
        return new HistoryShape(streams, TAGS_PER_STREAM, IMPORTS_PER_TAG, FAIL_EVERY, SIGN_EVERY);
    }
}
