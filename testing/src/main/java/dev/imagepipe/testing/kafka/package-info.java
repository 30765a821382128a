/**
 * Kafka for tests: {@link dev.imagepipe.testing.kafka.KafkaCluster} on a test class injects a
 * {@link dev.imagepipe.testing.kafka.KafkaEnvironment} (bootstrap servers and a topic prefix unique to the class); the
 * broker is {@code apache/kafka} through Testcontainers where Docker runs, otherwise the in-process broker of
 * {@code imagepipe-local}.
 */
package dev.imagepipe.testing.kafka;
