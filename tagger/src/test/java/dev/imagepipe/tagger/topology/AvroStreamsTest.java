package dev.imagepipe.tagger.topology;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvroStreamsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void streamSurvivesTheRoundTripThroughAvro() {
        var stream = new ImageStreamState(
                new StreamMetadata(
                        "ns",
                        "ruby",
                        Optional.of("uid"),
                        Optional.of("3"),
                        2,
                        Optional.of(T),
                        Map.of("team", "a"),
                        Map.of(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2026-03-01T10:00:00Z")),
                new StreamSpec(
                        true,
                        Optional.of("quay.io/ns/ruby"),
                        List.of(
                                new SpecTag(
                                        "2.0",
                                        Map.of("a", "b"),
                                        Optional.of(TagFrom.dockerImage("quay.io/ns/ruby:2.0")),
                                        false,
                                        Optional.of(2L),
                                        new TagImportPolicy(
                                                true, true, Optional.of(TagImportPolicy.Mode.PRESERVE_ORIGINAL)),
                                        Optional.of(ReferencePolicy.LOCAL)),
                                new SpecTag(
                                        "latest",
                                        Map.of(),
                                        Optional.of(new TagFrom(TagFrom.IMAGE_STREAM_TAG, "2.0", Optional.of("ns"))),
                                        true,
                                        Optional.empty(),
                                        TagImportPolicy.DEFAULT,
                                        Optional.of(ReferencePolicy.SOURCE)))),
                new StreamStatus(
                        "registry.svc/ns/ruby",
                        Optional.of("public.example.com/ns/ruby"),
                        List.of(new TagHistory(
                                "2.0",
                                List.of(new TagEvent(T, "quay.io/ns/ruby@sha256:1", "sha256:1", 2)),
                                List.of(TagCondition.importFailed("NotFound", Optional.of("gone"), 2, T))))));

        assertThat(AvroStreams.toDomain(AvroStreams.toAvro(stream))).isEqualTo(stream);
    }
}
