/**
 * Import requests in domain form: validation (A2.3), defaulting (A2.2) and planning into fetch tasks (A6.1). No Kafka
 * or Avro here; the topology maps records at its edge.
 */
package dev.imagepipe.importer.request;
