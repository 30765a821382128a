/**
 * A container registry for tests: {@link dev.imagepipe.testing.registry.ContainerRegistry} on a test class injects a
 * {@link dev.imagepipe.testing.registry.RegistryEndpoint}; the registry is {@code registry:2} through Testcontainers
 * where Docker runs, otherwise the CNCF distribution binary ({@code docker-registry}) on a loopback port.
 */
package dev.imagepipe.testing.registry;
