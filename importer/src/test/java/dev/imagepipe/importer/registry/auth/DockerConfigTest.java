package dev.imagepipe.importer.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DockerConfigTest {

    private static String auth(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ordersMatchesMostSpecificPathFirst() {
        DockerConfig config = DockerConfig.parse(
                """
                {"auths": {
                  "quay.io": {"auth": "%s"},
                  "quay.io/team/app": {"auth": "%s"},
                  "https://quay.io/team/": {"auth": "%s"},
                  "quay.io/other": {"auth": "%s"}
                }}""".formatted(auth("root:r"), auth("app:a"), auth("team:t"), auth("other:o")), "config.json");

        assertThat(config.matching("quay.io", "team/app"))
                .extracting(Credential::username)
                .containsExactly("app", "team", "root");
        assertThat(config.matching("quay.io", "team/application"))
                .extracting(Credential::username)
                .containsExactly("team", "root");
        assertThat(config.matching("ghcr.io", "team/app")).isEmpty();
    }

    @Test
    void normalizesDockerHubKeys() {
        DockerConfig config = DockerConfig.parse(
                "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hub:pw") + "\"}}}", "c");

        assertThat(config.matching("docker.io", "library/busybox"))
                .extracting(Credential::username)
                .containsExactly("hub");
        assertThat(config.matching("registry-1.docker.io", "library/busybox")).hasSize(1);
    }

    @Test
    void readsUsernamePasswordFieldsAndIdentityTokens() {
        DockerConfig config = DockerConfig.parse("""
                {"auths": {
                  "a.example": {"username": "u", "password": "p"},
                  "b.example": {"auth": "%s", "identitytoken": "refresh-me"}
                }}""".formatted(auth("<token>:")), "c");

        assertThat(config.matching("a.example", "x")).containsExactly(Credential.basic("u", "p"));
        assertThat(config.matching("b.example", "x"))
                .containsExactly(Credential.identityToken("<token>", "refresh-me"));
    }

    @Test
    void keyWithPortMatchesOnlyThatPort() {
        DockerConfig config =
                DockerConfig.parse("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + auth("u:p") + "\"}}}", "c");

        assertThat(config.matching("localhost:5000", "app")).hasSize(1);
        assertThat(config.matching("localhost", "app")).isEmpty();
        assertThat(config.matching("localhost:50001", "app")).isEmpty();
    }

    @Test
    void parseErrorsNameTheKeyButNotTheValue() {
        assertThatThrownBy(() -> DockerConfig.parse(
                        "{\"auths\":{\"q.example\":{\"auth\":\"" + auth("no-colon-secret") + "\"}}}", "cfg"))
                .hasMessageContaining("q.example")
                .hasMessageNotContaining("no-colon-secret");
    }

    @Test
    void credentialToStringNeverShowsTheSecret() {
        assertThat(Credential.basic("alice", "s3cr3t-pw").toString())
                .contains("alice")
                .doesNotContain("s3cr3t-pw");
        assertThat(Credential.identityToken("bob", "tok-123").toString()).doesNotContain("tok-123");
    }
}
