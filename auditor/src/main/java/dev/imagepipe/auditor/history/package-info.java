/**
 * Tag histories rebuilt from {@code tag.events} alone, and point-in-time answers: what a tag pointed at at a given
 * instant, where that image was fetched from, and what the signature verdicts on it were then. Pure functions over
 * {@link dev.imagepipe.auditor.log.AuditLog} records.
 */
package dev.imagepipe.auditor.history;
