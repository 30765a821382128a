package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a tag's history (Avro {@code TagEvent}); items[0] of a {@link TagHistory} is the tag's current image.
 *
 * @param created event time of the import that recorded it (never the wall clock)
 * @param dockerImageReference pull spec by digest, {@code <repository as written>@<digest>}
 * @param image the image digest; empty when unknown (events written by clients that had no image id)
 * @param generation the spec tag generation this event was recorded for (A11.8)
 */
public record TagEvent(Instant created, String dockerImageReference, String image, long generation) {

    public TagEvent {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dockerImageReference, "dockerImageReference");
        Objects.requireNonNull(image, "image");
    }

    public boolean hasImage() {
        return !image.isEmpty();
    }

    TagEvent withGeneration(long value) {
        return new TagEvent(created, dockerImageReference, image, value);
    }

    TagEvent withImage(String value, long newGeneration) {
        return new TagEvent(created, dockerImageReference, value, newGeneration);
    }

    TagEvent withReference(String value, long newGeneration) {
        return new TagEvent(created, value, image, newGeneration);
    }
}
