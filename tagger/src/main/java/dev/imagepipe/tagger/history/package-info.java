/**
 * Image streams and their tag history: applying import results to a stream (import-semantics A2.4, A2.9, A11),
 * tag deletion, history retention and pull-spec resolution (A12). Plain Java; the tagger topology maps the Avro
 * records of {@code dev.imagepipe.schemas.avro} to and from these types at its edge.
 */
package dev.imagepipe.tagger.history;
