package dev.imagepipe.importer.registry.manifest;

import java.util.List;

/** A single-platform image manifest of schema 2 shape: a config blob and layers, base first. */
public sealed interface PlatformManifest extends Manifest permits OciManifest, DockerManifest {

    /** The config blob's descriptor; its digest is the image's {@code Id}. */
    Descriptor config();

    /** The layers in manifest order, base first. */
    List<Descriptor> layers();
}
