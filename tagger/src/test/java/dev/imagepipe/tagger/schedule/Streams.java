package dev.imagepipe.tagger.schedule;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.history.ReferencePolicy;
import dev.imagepipe.tagger.history.SpecTag;
import dev.imagepipe.tagger.history.StreamMetadata;
import dev.imagepipe.tagger.history.StreamSpec;
import dev.imagepipe.tagger.history.StreamStatus;
import dev.imagepipe.tagger.history.TagCondition;
import dev.imagepipe.tagger.history.TagEvent;
import dev.imagepipe.tagger.history.TagFrom;
import dev.imagepipe.tagger.history.TagHistory;
import dev.imagepipe.tagger.history.TagImportPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stream builders for the scheduling tests. */
final class Streams {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String PINNED = "abc@sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

    private Streams() {}

    static SpecTag tag(String name, String from, boolean scheduled, long generation) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.of(TagFrom.dockerImage(from)),
                false,
                Optional.of(generation),
                TagImportPolicy.DEFAULT.withScheduled(scheduled),
                Optional.of(ReferencePolicy.SOURCE));
    }

    static TagHistory imported(String tag, long generation) {
        return new TagHistory(tag, List.of(new TagEvent(T0, "ref@" + tag, "sha256:" + tag, generation)), List.of());
    }

    static TagHistory failedOnly(String tag, long generation) {
        return new TagHistory(
                tag,
                List.of(),
                List.of(TagCondition.importFailed(
                        "RegistryUnavailable", Optional.of("transient error"), generation, T0)));
    }

    static ImageStreamState stream(
            String name, boolean checked, Optional<String> repository, List<SpecTag> spec, List<TagHistory> status) {
        var annotations = new HashMap<String, String>();
        if (checked) {
            annotations.put(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2025-03-01T10:00:00Z");
        }
        var metadata = new StreamMetadata(
                "ns", name, Optional.of("uid-" + name), Optional.of("5"), 1, Optional.of(T0), Map.of(), annotations);
        return new ImageStreamState(
                metadata, new StreamSpec(false, repository, spec), new StreamStatus("", Optional.empty(), status));
    }

    /** A checked stream at generation 1 without repository. */
    static ImageStreamState stream(List<SpecTag> spec, List<TagHistory> status) {
        return stream("mysql", true, Optional.empty(), spec, status);
    }
}
