package dev.imagepipe.importer.registry.manifest;

import java.util.List;

/** A list of per-platform manifests: an OCI index or a Docker manifest list (they behave identically, A6.5). */
public sealed interface ManifestList extends Manifest permits OciIndex, DockerManifestList {

    /** The entries in index order, each with its platform when the list declares one. */
    List<Descriptor> manifests();
}
