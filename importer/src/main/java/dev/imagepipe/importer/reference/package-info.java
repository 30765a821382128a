/**
 * Image references: parsing pull specs with OpenShift's errors ({@link
 * dev.imagepipe.importer.reference.ImageReference#parse}), their derived forms, and the priority of tags in a
 * repository import ({@link dev.imagepipe.importer.reference.TagPriority}). No Kafka, no Avro.
 */
package dev.imagepipe.importer.reference;
