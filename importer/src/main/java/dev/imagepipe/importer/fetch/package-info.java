/**
 * Fetching one image reference end to end: policy gate, pull sources in order (mirrors, then the source), HEAD first
 * for tags whose digest the caller may already have, manifest verification, config and child fetches, conversion to
 * Images. Entry point {@link dev.imagepipe.importer.fetch.ImageFetcher}; results are {@link
 * dev.imagepipe.importer.fetch.FetchResult}s that never hide which source served or failed.
 */
package dev.imagepipe.importer.fetch;
