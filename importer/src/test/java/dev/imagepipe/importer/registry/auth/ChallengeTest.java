package dev.imagepipe.importer.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void parsesABearerChallengeWithRealmServiceAndScope() {
        List<Challenge> challenges = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\"");

        assertThat(challenges).singleElement().satisfies(c -> {
            assertThat(c.isBearer()).isTrue();
            assertThat(c.parameter("realm")).contains("https://auth.docker.io/token");
            assertThat(c.parameter("service")).contains("registry.docker.io");
            assertThat(c.parameter("scope")).contains("repository:samalba/my-app:pull,push");
        });
    }

    @Test
    void parsesSeveralChallengesInOneHeader() {
        List<Challenge> challenges =
                Challenge.parse("Basic realm=\"Registry Realm\", Bearer realm=\"https://t.example/token\",service=reg");

        assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(challenges.get(0).parameter("realm")).contains("Registry Realm");
        assertThat(challenges.get(1).parameter("service")).contains("reg");
    }

    @Test
    void parsesChallengesAcrossHeaderValuesCaseInsensitively() {
        List<Challenge> challenges =
                Challenge.parseAll(List.of("BASIC REALM=\"x\"", "bearer Realm=\"https://t/token\""));

        assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(challenges.get(1).parameter("realm")).contains("https://t/token");
    }

    @Test
    void unescapesQuotedValues() {
        assertThat(Challenge.parse("Basic realm=\"say \\\"hi\\\"\"").get(0).parameter("realm"))
                .contains("say \"hi\"");
    }

    @Test
    void ignoresEmptyAndMalformedHeaders() {
        assertThat(Challenge.parse("")).isEmpty();
        assertThat(Challenge.parse(null)).isEmpty();
        assertThat(Challenge.parse(", ,")).isEmpty();
    }
}
