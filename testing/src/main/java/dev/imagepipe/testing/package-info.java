/**
 * JUnit 5 extensions giving test classes a container registry ({@link dev.imagepipe.testing.registry}) and Kafka
 * ({@link dev.imagepipe.testing.kafka}), each started once per run and shared, and deterministic image fixtures pushed
 * through the registry's own API ({@link dev.imagepipe.testing.fixture}).
 */
package dev.imagepipe.testing;
