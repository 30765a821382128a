/**
 * HTTP to one registry host: {@link dev.imagepipe.importer.registry.transport.RegistryTransport} (redirects, address
 * guard, limits, timeouts, body caps, retries) and the mapping of failed responses to typed errors. No authentication
 * here: that is {@code auth}, layered on top.
 */
package dev.imagepipe.importer.registry.transport;
