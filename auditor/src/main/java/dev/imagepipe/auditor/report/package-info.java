/**
 * Rendering of audit results: {@link dev.imagepipe.auditor.report.AuditReport} (a replay's findings and histories) as
 * text, JSON or one self-contained HTML page with a section per stream and a timeline per tag; and point-in-time
 * answers as text or JSON. Everything taken from the log is escaped: records are data, never markup.
 */
package dev.imagepipe.auditor.report;
