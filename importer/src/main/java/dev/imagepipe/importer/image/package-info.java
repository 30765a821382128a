/**
 * The imported image as a domain value: records mirroring the Avro {@code Image} (and {@code ImageMetadata},
 * {@code ContainerConfig}, {@code ImageLayer}, {@code ImageManifest}, {@code PlatformSelection}) so the topology maps
 * them 1:1, the manifest-to-image conversion ({@link dev.imagepipe.importer.image.ImageAssembler}, A7) and the Legacy
 * platform choice ({@link dev.imagepipe.importer.image.PlatformChooser}, A8.1). No Kafka, no Avro, no clock.
 */
package dev.imagepipe.importer.image;
