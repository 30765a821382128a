/**
 * Signature verification (A14, DESIGN decision 7): whether a simple-signing (OpenPGP) or cosign (ECDSA P-256) signature
 * was made by a key trusted for the image's repository, over this image's digest and an identity the key's rule
 * accepts; and the {@code Trusted}/{@code ForImage} conditions that record the verdict over time. Pure domain code: no
 * Kafka, no Avro. {@link dev.imagepipe.tagger.signature.SignatureVerifier} and
 * {@link dev.imagepipe.tagger.signature.SignatureConditions} are the entry points.
 */
package dev.imagepipe.tagger.signature;
