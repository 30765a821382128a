/**
 * The registry client: talking to OCI Distribution registries correctly, efficiently and safely. No Kafka, no Avro.
 * Sub-packages: {@code transport} (HTTP, retries, limits, address guard), {@code auth} (challenges, tokens,
 * credentials), {@code remote} (one class per verb), {@code manifest} (one class per format).
 */
package dev.imagepipe.importer.registry;
