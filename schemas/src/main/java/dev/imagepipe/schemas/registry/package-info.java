/**
 * A client for the Confluent Schema Registry REST API: {@link dev.imagepipe.schemas.registry.SchemaRegistryClient}
 * (the calls the serde needs), {@link dev.imagepipe.schemas.registry.RestSchemaRegistryClient} (HTTP, failover across
 * URLs, retries, basic auth, TLS trust store), {@link dev.imagepipe.schemas.registry.CachedSchemaRegistryClient}
 * (bounded caching of immutable answers), configured from Confluent's key names by {@link
 * dev.imagepipe.schemas.registry.RegistryClientSettings}.
 *
 * <p>Credentials are never printed: URLs are stored without user info, and credential types redact themselves.
 */
package dev.imagepipe.schemas.registry;
