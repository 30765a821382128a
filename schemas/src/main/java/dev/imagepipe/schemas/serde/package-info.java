/**
 * Avro in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), byte-compatible with
 * Confluent's serializers: {@link dev.imagepipe.schemas.serde.AvroSerializer}, {@link
 * dev.imagepipe.schemas.serde.AvroDeserializer}, {@link dev.imagepipe.schemas.serde.SpecificAvroSerde}, {@link
 * dev.imagepipe.schemas.serde.GenericAvroSerde}, configured with Confluent's key names ({@link
 * dev.imagepipe.schemas.serde.AvroSerdeConfig}).
 *
 * <p>No system property is needed or set: see {@code AvroReaders} for how Avro's trusted-package check
 * ({@code org.apache.avro.SERIALIZABLE_PACKAGES}) works in 1.12.1 and why specific reads do not depend on it.
 */
package dev.imagepipe.schemas.serde;
