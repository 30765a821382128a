/**
 * One planned fetch carried out against registries: a spec image (through {@code fetch.ImageFetcher}, with the known
 * imports as the HEAD-first cache) or a repository import (tag list, priority order, cap), plus signature discovery for
 * what was newly fetched. Runs on fetch worker threads; no Kafka or Avro here.
 */
package dev.imagepipe.importer.task;
