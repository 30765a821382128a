package dev.imagepipe.bench.replay;

import java.time.Duration;

/**
 * One measured round: the bare read and the audit over the same log.
 *
 * @param records records in the log (both sides read all of them)
 * @param bare the bare consumer's read
 * @param read the audit's read: {@code Replay.run}, decoding and collecting every record
 * @param checks the audit's whole-log checks ({@code Invariants.check}) after the read
 */
record Round(long records, Duration bare, Duration read, Duration checks) {

    /** The whole audit: read, then checks. */
    Duration audit() {
        return read.plus(checks);
    }

    double bareRate() {
        return rate(bare);
    }

    double auditRate() {
        return rate(audit());
    }

    double readRate() {
        return rate(read);
    }

    private double rate(Duration took) {
        return records / (took.toNanos() / 1e9);
    }
}
