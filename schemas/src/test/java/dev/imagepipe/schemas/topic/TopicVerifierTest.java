package dev.imagepipe.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.schemas.topic.TopicProblem.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicVerifierTest {

    private static final TopicDeclaration IMAGES = TopicDeclaration.compacted("p.images", 6);
    private static final TopicDeclaration TAG_EVENTS =
            TopicDeclaration.log("p.tag.events", 6, TopicDeclaration.UNLIMITED);
    private static final TopicDeclaration REQUESTS = TopicDeclaration.log("p.import.requests", 6, Duration.ofDays(7));

    @Test
    void acceptsCompactedTableTopic() {
        assertThat(TopicVerifier.problems(IMAGES, 6, Map.of("cleanup.policy", "compact")))
                .isEmpty();
    }

    @Test
    void rejectsTableTopicThatDeletesByAge() {
        List<TopicProblem> problems = TopicVerifier.problems(IMAGES, 6, Map.of("cleanup.policy", "delete"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message())
                    .contains("topic p.images")
                    .contains("cleanup.policy is delete")
                    .contains("should be compact");
        });
    }

    @Test
    void rejectsTableTopicThatBothCompactsAndDeletes() {
        assertThat(TopicVerifier.problems(IMAGES, 6, Map.of("cleanup.policy", "compact, delete")))
                .extracting(TopicProblem::severity)
                .containsExactly(Severity.ERROR);
    }

    @Test
    void treatsMissingCleanupPolicyAsKafkasDefaultDelete() {
        assertThat(TopicVerifier.problems(IMAGES, 6, Map.of()))
                .extracting(TopicProblem::setting)
                .containsExactly("cleanup.policy");
    }

    @Test
    void rejectsCompactedEventLog() {
        assertThat(TopicVerifier.problems(TAG_EVENTS, 6, Map.of("cleanup.policy", "compact", "retention.ms", "-1")))
                .singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void rejectsFiniteRetentionOnUnlimitedLog() {
        assertThat(TopicVerifier.problems(
                        TAG_EVENTS, 6, Map.of("cleanup.policy", "delete", "retention.ms", "604800000")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(Severity.ERROR);
                    assertThat(p.setting()).isEqualTo("retention.ms");
                    assertThat(p.actual()).isEqualTo("604800000");
                });
    }

    @Test
    void rejectsSizeRetentionOnUnlimitedLog() {
        assertThat(TopicVerifier.problems(
                        TAG_EVENTS,
                        6,
                        Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "1073741824")))
                .extracting(TopicProblem::setting, TopicProblem::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("retention.bytes", Severity.ERROR));
    }

    @Test
    void warnsWhenBoundedLogIsKeptShorterThanDeclared() {
        assertThat(TopicVerifier.problems(REQUESTS, 6, Map.of("cleanup.policy", "delete", "retention.ms", "86400000")))
                .singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void acceptsBoundedLogKeptLongerThanDeclared() {
        assertThat(TopicVerifier.problems(REQUESTS, 6, Map.of("cleanup.policy", "delete", "retention.ms", "-1")))
                .isEmpty();
    }

    @Test
    void warnsAboutFewerPartitionsThanDeclared() {
        assertThat(TopicVerifier.problems(IMAGES, 3, Map.of("cleanup.policy", "compact")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.setting()).isEqualTo("partitions");
                    assertThat(p.severity()).isEqualTo(Severity.WARNING);
                });
    }
}
