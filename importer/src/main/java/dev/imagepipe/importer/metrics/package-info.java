/**
 * A small, dependency-free metrics registry and its Prometheus text exposition (format 0.0.4): {@link
 * dev.imagepipe.importer.metrics.Counter}, {@link dev.imagepipe.importer.metrics.Gauge} and {@link
 * dev.imagepipe.importer.metrics.Histogram} registered in a {@link dev.imagepipe.importer.metrics.MetricsRegistry},
 * served with health and readiness by {@link dev.imagepipe.importer.metrics.MetricsServer}. Only {@link
 * dev.imagepipe.importer.metrics.ImporterMetrics} knows the importer; the rest is meant to move to a shared module
 * when the tagger and auditor need it.
 */
package dev.imagepipe.importer.metrics;
