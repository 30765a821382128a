package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerReferenceTest {

    private static final String DIGEST = "sha256:" + "f".repeat(64);

    @Test
    void normalizesDockerHubNamesWithoutDefaultingTheTag() {
        DockerReference ref = DockerReference.parse("busybox");

        assertThat(ref).isEqualTo(new DockerReference("docker.io/library/busybox", Optional.empty(), Optional.empty()));
        assertThat(ref.nameOnly()).isTrue();
    }

    @Test
    void printsTagAndDigestTogether() {
        assertThat(DockerReference.parse("quay.io/ns/app:v1@" + DIGEST)).hasToString("quay.io/ns/app:v1@" + DIGEST);
    }

    @Test
    void rejectsRegistryOnlyAndInvalidReferences() {
        assertThatThrownBy(() -> DockerReference.parse("quay.io")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerReference.parse("https://bar:5000/foo/baz"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
