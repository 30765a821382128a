/**
 * An embedded schema registry speaking the Confluent Schema Registry REST API, for {@code imagepipe up} and
 * integration tests: {@link dev.imagepipe.local.registry.SchemaRegistryServer} on an in-memory or Kafka-backed
 * {@link dev.imagepipe.local.registry.SchemaStore}.
 */
package dev.imagepipe.local.registry;
