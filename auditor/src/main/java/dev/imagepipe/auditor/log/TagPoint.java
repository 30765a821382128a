package dev.imagepipe.auditor.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tag's history (Avro {@code TagEvent}): the tag pointed at {@code image} from {@code created} on.
 *
 * @param created event time of the import that made the entry
 * @param dockerImageReference pull spec by digest, {@code repository@digest}
 * @param image the image digest
 * @param generation the spec tag generation the import was performed for (A11.8)
 */
public record TagPoint(Instant created, String dockerImageReference, String image, long generation) {

    public TagPoint {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dockerImageReference, "dockerImageReference");
        Objects.requireNonNull(image, "image");
    }
}
