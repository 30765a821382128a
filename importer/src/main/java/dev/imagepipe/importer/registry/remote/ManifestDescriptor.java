package dev.imagepipe.importer.registry.remote;

import java.util.Optional;

/**
 * What a {@code HEAD} on a manifest tells: its media type, digest and size, from headers alone.
 *
 * @param mediaType {@code Content-Type}
 * @param digest {@code Docker-Content-Digest}; empty when the registry does not send it (then GET and hash)
 * @param size {@code Content-Length}, or -1 when absent
 */
public record ManifestDescriptor(String mediaType, Optional<String> digest, long size) {}
