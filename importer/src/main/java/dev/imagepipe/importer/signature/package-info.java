/**
 * Discovering, fetching and parsing image signatures (A14.2-A14.4, DESIGN decision 7): simple-signing signatures from
 * a lookaside store or the registry signature extension API, and cosign signatures from the {@code sha256-<hex>.sig}
 * tag. Nothing here verifies a signature; the tagger does. {@link dev.imagepipe.importer.signature.SignatureDiscovery}
 * is the entry point.
 */
package dev.imagepipe.importer.signature;
