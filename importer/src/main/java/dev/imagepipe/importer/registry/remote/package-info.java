/**
 * The registry verbs, one class each ({@code Ping}, {@code HeadManifest}, {@code GetManifest}, {@code GetBlob},
 * {@code ListTags}), on a {@link dev.imagepipe.importer.registry.remote.RemoteRepository}, and the porcelain
 * {@link dev.imagepipe.importer.registry.remote.RegistryClient}. Verbs return raw bytes; manifest parsing and digest
 * verification belong to the {@code manifest} package.
 */
package dev.imagepipe.importer.registry.remote;
