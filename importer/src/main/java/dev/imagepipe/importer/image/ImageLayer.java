package dev.imagepipe.importer.image;

import java.util.Objects;

/**
 * One layer of an image (Avro {@code ImageLayer}).
 *
 * @param name the layer digest
 * @param size its size in bytes, as the manifest (or schema 1 history) states it
 * @param mediaType the layer blob's media type
 */
public record ImageLayer(String name, long size, String mediaType) {

    public ImageLayer {
        Objects.requireNonNull(name, "name");
        mediaType = mediaType == null ? "" : mediaType;
    }
}
