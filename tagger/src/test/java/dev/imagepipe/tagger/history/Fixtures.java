package dev.imagepipe.tagger.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders for streams and import results, so each test spells out only what it is about. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-03-01T11:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-01T12:00:00Z");

    static final String D1 = "sha256:" + "1".repeat(64);
    static final String D2 = "sha256:" + "2".repeat(64);
    static final String D3 = "sha256:" + "3".repeat(64);

    private Fixtures() {}

    static TagEvent event(String ref, String image, long generation) {
        return new TagEvent(T0, ref, image, generation);
    }

    static TagHistory history(String tag, TagEvent... items) {
        return new TagHistory(tag, Arrays.asList(items), List.of());
    }

    static SpecTag specTag(String name, String from, Optional<Long> generation, Optional<ReferencePolicy> policy) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.of(TagFrom.dockerImage(from)),
                false,
                generation,
                TagImportPolicy.DEFAULT,
                policy);
    }

    static SpecTag specTag(String name, String from, long generation) {
        return specTag(name, from, Optional.of(generation), Optional.of(ReferencePolicy.SOURCE));
    }

    static SpecTag tracking(String name, TagFrom from) {
        return new SpecTag(
                name,
                Map.of(),
                Optional.of(from),
                false,
                Optional.of(1L),
                TagImportPolicy.DEFAULT,
                Optional.of(ReferencePolicy.SOURCE));
    }

    /** A stored stream ns/ruby at {@code generation}, already checked by an import, version "7". */
    static ImageStreamState stream(long generation, List<SpecTag> spec, List<TagHistory> status) {
        var metadata = new StreamMetadata(
                "ns",
                "ruby",
                Optional.of("uid-1"),
                Optional.of("7"),
                generation,
                Optional.of(T0),
                Map.of(),
                Map.of(StreamMetadata.REPOSITORY_CHECK_ANNOTATION, "2025-03-01T10:00:00Z"));
        return new ImageStreamState(
                metadata,
                new StreamSpec(false, Optional.empty(), spec),
                new StreamStatus("", Optional.empty(), status));
    }

    static ImportEntry imported(String tag, String from, String digest, String repository) {
        return new ImportEntry(
                Optional.of(tag),
                from,
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Imported(digest, repository + "@" + digest));
    }

    static ImportEntry failed(String tag, String from, String reason, String message) {
        return new ImportEntry(
                Optional.of(tag),
                from,
                TagImportPolicy.DEFAULT,
                ReferencePolicy.SOURCE,
                new EntryOutcome.Failed(reason, Optional.of(message)));
    }

    /** A result for ns/ruby without optimistic lock, requested at {@code at}. */
    static ImportResult result(Instant at, ImportEntry... images) {
        return new ImportResult("ns", "ruby", Optional.empty(), Optional.empty(), at, List.of(), List.of(images));
    }
}
