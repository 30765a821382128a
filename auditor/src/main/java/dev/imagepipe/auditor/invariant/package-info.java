/**
 * The invariants a replay checks, as pure functions over {@link dev.imagepipe.auditor.log.Logged} records: each
 * {@link dev.imagepipe.auditor.invariant.Violation} names its {@link dev.imagepipe.auditor.invariant.Rule} and carries
 * the topic, partition and offset of every record involved. {@link dev.imagepipe.auditor.invariant.Invariants} runs
 * the checks over a whole {@link dev.imagepipe.auditor.log.AuditLog}; the per-record checks ({@link
 * dev.imagepipe.auditor.invariant.ManifestDigests}, {@link dev.imagepipe.auditor.invariant.CredentialScan}) run while
 * a replay reads, so manifests and raw strings need not stay in memory.
 */
package dev.imagepipe.auditor.invariant;
