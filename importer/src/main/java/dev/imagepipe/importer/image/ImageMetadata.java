package dev.imagepipe.importer.image;

import java.time.Instant;
import java.util.Objects;

/**
 * The image's metadata (Avro {@code ImageMetadata}, docker10 {@code DockerImage}). Optional fields are {@code null}.
 *
 * @param id the config digest for a single image, the v1 id for schema 1, the list digest for a list
 * @param parent id of the parent image, or {@code null}
 * @param created creation time from the config; for a list the caller's event time, or {@code null}
 * @param config runtime config, or {@code null} (lists)
 * @param size config length plus the sizes of the distinct layer digests (A7.2); 0 for a list
 */
public record ImageMetadata(
        String id,
        String parent,
        Instant created,
        String architecture,
        String os,
        String variant,
        String author,
        String dockerVersion,
        ContainerConfig config,
        long size) {

    public ImageMetadata {
        Objects.requireNonNull(id, "id");
    }
}
