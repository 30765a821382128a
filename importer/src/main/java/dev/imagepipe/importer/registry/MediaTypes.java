package dev.imagepipe.importer.registry;

import java.util.List;

/** The manifest media types the client negotiates and understands (OCI image spec, Docker distribution). */
public final class MediaTypes {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";

    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

    /**
     * Every manifest type we accept, in preference order. The full list matters: without the OCI types a CNCF
     * registry answers 404 for OCI content, and without Docker schema 2 it converts images to schema 1.
     */
    public static final List<String> MANIFEST_TYPES = List.of(
            OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST, DOCKER_SCHEMA1_SIGNED, DOCKER_SCHEMA1);

    /** The {@code Accept} header value for manifest requests. */
    public static final String MANIFEST_ACCEPT = String.join(", ", MANIFEST_TYPES);

    private MediaTypes() {}

    /** Whether {@code mediaType} is a list of per-platform manifests (OCI index or Docker manifest list). */
    public static boolean isList(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }
}
