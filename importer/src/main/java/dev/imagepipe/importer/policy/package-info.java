/**
 * Registry policy for imports, in domain form: the allow-list ({@code allowedRegistriesForImport}), blocked and
 * insecure registry scopes, ImageContentPolicy mirrors, and {@link dev.imagepipe.importer.policy.ImportPolicyGate},
 * which turns a reference into ordered pull sources or a rejection. No Kafka, no Avro: the topology maps the Avro
 * {@code ImportPolicy} to {@link dev.imagepipe.importer.policy.RegistryPolicy}.
 */
package dev.imagepipe.importer.policy;
