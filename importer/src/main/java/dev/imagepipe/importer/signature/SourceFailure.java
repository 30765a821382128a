package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.registry.FailureReason;

/**
 * One signature source that could not be read. Reported as data, never thrown: an image import must not fail because
 * its signatures could not be fetched.
 *
 * @param source the source that failed
 * @param reason the failure class (timeouts and 5xx are {@code Timeout}/{@code RegistryUnavailable}, worth a retry)
 * @param message what went wrong, without credentials
 */
public record SourceFailure(SignatureSource source, FailureReason reason, String message) {}
