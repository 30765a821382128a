/**
 * What the auditor reads, as plain records: one type per topic value, each wrapped in {@link
 * dev.imagepipe.auditor.log.Logged} with the record's topic, partition, offset, key and timestamp so every finding can
 * point at the record it came from. {@link dev.imagepipe.auditor.log.AuditLog} holds a whole replay. No Kafka, no Avro:
 * {@code dev.imagepipe.auditor.replay} maps records into these at its edge.
 */
package dev.imagepipe.auditor.log;
