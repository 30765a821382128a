package dev.imagepipe.tagger.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The containers/image {@code policy_reference_match_test.go} cases, one rule per column. */
class IdentityRuleTest {

    private static final String DIGEST = "sha256:" + "e".repeat(64);

    private static final IdentityRule REMAP = new IdentityRule.RemapIdentity("mirror.io/ns", "quay.io/ns");

    @ParameterizedTest(name = "image {0}, signed {1}: repoDigestOrExact={2} exact={3} repository={4}")
    @CsvSource({
        // image,                        signed,                       repoDigestOrExact, exact, repository
        "quay.io/ns/app:v1,              quay.io/ns/app:v1,            true,  true,  true",
        "quay.io/ns/app:v1,              quay.io/ns/app:v2,            false, false, true",
        "quay.io/ns/app:v1,              quay.io/ns/app,               false, false, true",
        "quay.io/ns/app:v1,              quay.io/ns/other:v1,          false, false, false",
        "quay.io/ns/app@DIGEST,          quay.io/ns/app:v1,            true,  false, true",
        "quay.io/ns/app@DIGEST,          quay.io/ns/app@DIGEST,        true,  true,  true",
        "quay.io/ns/app@DIGEST,          quay.io/ns/app,               false, false, true",
        "quay.io/ns/app:v1@DIGEST,       quay.io/ns/app:v1@DIGEST,     true,  true,  true",
        "quay.io/ns/app:v1@DIGEST,       quay.io/ns/app@DIGEST,        false, false, true",
        "quay.io/ns/app,                 quay.io/ns/app:v1,            false, false, true",
        "busybox:latest,                 docker.io/library/busybox:latest, true, true, true",
        "index.docker.io/library/busybox:latest, busybox:latest,       true,  true,  true",
        "busybox:latest,                 busybox,                      false, false, true",
    })
    void matchesLikeContainersPolicy(
            String image, String signed, boolean repoDigestOrExact, boolean exact, boolean repository) {
        DockerReference imageRef = ref(image);
        DockerReference signedRef = ref(signed);

        assertThat(IdentityRule.DEFAULT.matches(imageRef, signedRef)).isEqualTo(repoDigestOrExact);
        assertThat(new IdentityRule.MatchExact().matches(imageRef, signedRef)).isEqualTo(exact);
        assertThat(new IdentityRule.MatchRepository().matches(imageRef, signedRef))
                .isEqualTo(repository);
    }

    @ParameterizedTest(name = "image {0}, signed {1}: {2}")
    @CsvSource({
        "mirror.io/ns/app:v1,        quay.io/ns/app:v1,   true",
        "mirror.io/ns/app@DIGEST,    quay.io/ns/app:v9,   true",
        "mirror.io/ns/app:v1,        quay.io/ns/app:v2,   false",
        "mirror.io/ns/app:v1,        mirror.io/ns/app:v1, false",
        "mirror.io/nsx/app:v1,       quay.io/nsx/app:v1,  false",
        "mirror.io/nsx/app:v1,       mirror.io/nsx/app:v1, true",
        "quay.io/ns/app:v1,          quay.io/ns/app:v1,   true",
    })
    void remapsImagePrefixOnComponentBoundaryBeforeMatching(String image, String signed, boolean matches) {
        assertThat(REMAP.matches(ref(image), ref(signed))).isEqualTo(matches);
    }

    @Test
    void remapRejectsWildcardPrefixes() {
        assertThatThrownBy(() -> new IdentityRule.RemapIdentity("*.example.com", "quay.io"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DockerReference ref(String spec) {
        return DockerReference.parse(spec.replace("DIGEST", DIGEST));
    }
}
