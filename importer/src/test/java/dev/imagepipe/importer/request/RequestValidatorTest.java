package dev.imagepipe.importer.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.registry.FailureReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void acceptsAValidRequest() {
        assertThat(RequestValidator.validate(request(List.of(image("DockerImage", "busybox:1.36")))))
                .isEmpty();
    }

    @Test
    void rejectsAKindOtherThanDockerImage() {
        assertThat(messages(request(List.of(image("ImageStreamTag", "busybox:1.36")))))
                .containsExactly(
                        "spec.images[0].from.kind: Unsupported value: \"ImageStreamTag\": only DockerImage is supported");
    }

    @Test
    void requiresFromName() {
        assertThat(messages(request(List.of(image("DockerImage", "")))))
                .containsExactly("spec.images[0].from.name: Required value");
    }

    @Test
    void reportsAnUnparsableReferenceAsInvalidReference() {
        List<Violation> violations =
                RequestValidator.validate(request(List.of(image("DockerImage", "not a reference"))));
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.reason()).isEqualTo(FailureReason.INVALID_REFERENCE);
            assertThat(violation.message())
                    .startsWith("spec.images[0].from.name: Invalid value: \"not a reference\": invalid name:");
        });
    }

    @Test
    void rejectsAnEmptyToName() {
        var spec = new ImportRequest.ImageSpec("DockerImage", "busybox", Optional.of(""), false, Optional.empty());
        assertThat(messages(request(List.of(spec)))).containsExactly("spec.images[0].to.name: Required value");
    }

    @Test
    void rejectsARepositoryImportNamingATagOrDigest() {
        var repository =
                new ImportRequest.RepositorySpec("DockerImage", "quay.io/team/app:v1", false, Optional.empty());
        ImportRequest request = new ImportRequest(
                "team/app", Optional.of("team"), "app", false, List.of(), Optional.of(repository), Map.of(), NOW);
        assertThat(messages(request))
                .containsExactly("spec.repository.from.name: Invalid value: \"quay.io/team/app:v1\": you must specify"
                        + " an image repository, not a tag or ID");
    }

    @Test
    void requiresSomethingToImport() {
        assertThat(messages(request(List.of())))
                .containsExactly("spec: Required value: you must specify at least one image or a repository import");
    }

    @Test
    void acceptsATagDeletionWithNothingToImport() {
        ImportRequest deletion = new ImportRequest(
                "team/app",
                Optional.of("team"),
                "app",
                false,
                List.of(),
                Optional.empty(),
                Map.of(ImportRequest.DELETE_TAGS, "old, older"),
                NOW);
        assertThat(RequestValidator.validate(deletion)).isEmpty();
        assertThat(deletion.deleteTags()).containsExactly("old", "older");
    }

    @ParameterizedTest
    @ValueSource(strings = {"App", "a/b", "-app", "app-", "a..b", ""})
    void rejectsInvalidStreamNames(String name) {
        ImportRequest request = new ImportRequest(
                "team/" + name,
                Optional.of("team"),
                name,
                false,
                List.of(image("DockerImage", "busybox")),
                Optional.empty(),
                Map.of(),
                NOW);
        assertThat(messages(request)).anyMatch(message -> message.startsWith("metadata.name:"));
    }

    @Test
    void requiresTheKeyToNameTheStream() {
        ImportRequest request = new ImportRequest(
                "team/other",
                Optional.of("team"),
                "app",
                false,
                List.of(image("DockerImage", "busybox")),
                Optional.empty(),
                Map.of(),
                NOW);
        assertThat(messages(request))
                .containsExactly("metadata: Invalid value: the record key \"team/other\" does not name the stream"
                        + " \"team/app\"");
    }

    @Test
    void requiresANamespace() {
        ImportRequest request = new ImportRequest(
                "/app",
                Optional.empty(),
                "app",
                false,
                List.of(image("DockerImage", "busybox")),
                Optional.empty(),
                Map.of(),
                NOW);
        assertThat(messages(request)).contains("metadata.namespace: Required value");
    }

    private static List<String> messages(ImportRequest request) {
        return RequestValidator.validate(request).stream()
                .map(Violation::message)
                .toList();
    }

    static ImportRequest.ImageSpec image(String kind, String name) {
        return new ImportRequest.ImageSpec(kind, name, Optional.empty(), false, Optional.empty());
    }

    static ImportRequest request(List<ImportRequest.ImageSpec> images) {
        return new ImportRequest(
                "team/app", Optional.of("team"), "app", false, images, Optional.empty(), Map.of(), NOW);
    }
}
