/** The tagger's Prometheus metrics, served by the importer's {@code MetricsServer}. */
package dev.imagepipe.tagger.metrics;
