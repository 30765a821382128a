/**
 * Manifest formats, one class per format behind the sealed {@link dev.imagepipe.importer.registry.manifest.Manifest}
 * (containers/image style): parsing by negotiated media type, digest verification over the bytes received (the
 * canonical payload for signed schema 1), and the image config blob. Bytes in, typed values out; no I/O.
 */
package dev.imagepipe.importer.registry.manifest;
