/**
 * The tagger's Kafka Streams topology ({@link dev.imagepipe.tagger.topology.TaggerTopology}): import results applied
 * to image streams ({@code streams}, {@code tags}, {@code tag.events}), scheduled re-imports ({@code import.requests})
 * and signature verdicts ({@code signatures}). The Avro records of {@code dev.imagepipe.schemas.avro} are mapped to the
 * {@code history}, {@code schedule} and {@code signature} domain types here, one mapping class per concept.
 */
package dev.imagepipe.tagger.topology;
