/**
 * Reading the log for an audit, without disturbing the running apps: {@link dev.imagepipe.auditor.replay.LogReader}
 * assigns itself every partition of the topics it reads and seeks to the beginning (no consumer group, nothing
 * committed, {@code read_committed} so aborted transactions are never audited), and reads up to the end offsets it
 * saw when it started. {@link dev.imagepipe.auditor.replay.Replay} decodes each record with the topic's Avro serde,
 * maps it to {@code dev.imagepipe.auditor.log} records at this edge, runs the per-record checks and collects an
 * {@link dev.imagepipe.auditor.log.AuditLog}.
 */
package dev.imagepipe.auditor.replay;
