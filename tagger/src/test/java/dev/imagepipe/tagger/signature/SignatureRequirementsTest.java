package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureRequirementsTest {

    private static final SignatureRequirements REQUIREMENTS = new SignatureRequirements(Map.of(
            new RegistryScope("*.corp.example.com"), true,
            new RegistryScope("quay.io"), true,
            new RegistryScope("quay.io/sandbox"), false));

    private static boolean required(String image) {
        return REQUIREMENTS.requiresTrustedSignature(DockerReference.parse(image));
    }

    @Test
    void mostSpecificScopeDecides() {
        assertThat(required("quay.io/prod/app:1")).isTrue();
        assertThat(required("quay.io/sandbox/app:1")).isFalse();
        assertThat(required("registry.corp.example.com/team/app:1")).isTrue();
    }

    @Test
    void uncoveredImagesNeedNoSignature() {
        assertThat(required("docker.io/library/busybox:latest")).isFalse();
        assertThat(SignatureRequirements.NONE.requiresTrustedSignature(DockerReference.parse("quay.io/a/b:1")))
                .isFalse();
    }
}
