package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/** What the importer got for one entry of an import request: an image, or a failure users see in status. */
public sealed interface EntryOutcome {

    /**
     * The image was imported.
     *
     * @param image the image digest ({@code Image.metadata.name})
     * @param dockerImageReference the image's pull spec as the importer wrote it, {@code <as written>@<digest>}
     */
    record Imported(String image, String dockerImageReference) implements EntryOutcome {
        public Imported {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(dockerImageReference, "dockerImageReference");
        }
    }

    /**
     * The import failed.
     *
     * @param reason an {@code ImportFailureReason} symbol, e.g. {@code NotFound}
     * @param message the importer's message; empty or blank becomes {@link TagCondition#UNKNOWN_ERROR_MESSAGE}
     */
    record Failed(String reason, Optional<String> message) implements EntryOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
