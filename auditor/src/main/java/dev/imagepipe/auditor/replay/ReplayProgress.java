package dev.imagepipe.auditor.replay;

/** Hears how far a read has got, after each batch of records. */
@FunctionalInterface
public interface ReplayProgress {

    /** Reports nothing. */
    ReplayProgress NONE = (read, total) -> {};

    /**
     * @param read records read so far
     * @param total records between the beginning and the end offsets seen at the start (an upper bound: transaction
     *     markers take offsets too)
     */
    void update(long read, long total);
}
