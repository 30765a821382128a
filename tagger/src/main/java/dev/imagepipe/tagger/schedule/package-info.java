/**
 * When image streams are imported again: the on-demand trigger (import-semantics A13.1), scheduled re-imports
 * (A13.2) with a minimum interval, a per-minute budget that defers and reports what it cannot issue, and
 * deterministic jitter. Pure functions over {@code dev.imagepipe.tagger.history} state and an explicit
 * {@code Instant now}.
 */
package dev.imagepipe.tagger.schedule;
