package dev.imagepipe.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    /** Serdes are configured but never used here; nothing connects to this address. */
    private static final ValueSerdes SERDES =
            ValueSerdes.schemaRegistry(Map.of("schema.registry.url", "http://127.0.0.1:9"));

    @Test
    void namesEveryTopicOfTheDesignWithThePrefix() {
        Topics topics = Topics.create("acme.", 3, SERDES);

        assertThat(topics.all())
                .extracting(Topic::name)
                .containsExactly(
                        "acme.import.requests",
                        "acme.import.results",
                        "acme.observations",
                        "acme.images",
                        "acme.streams",
                        "acme.tags",
                        "acme.tag.events",
                        "acme.signatures",
                        "acme.policy",
                        "acme.dlq");
    }

    @Test
    void declaresTablesCompactedAndLogsDeleted() {
        Topics topics = Topics.create(SERDES);

        assertThat(topics.declarations())
                .filteredOn(TopicDeclaration::compacted)
                .extracting(TopicDeclaration::name)
                .containsExactly(
                        "imagepipe.images",
                        "imagepipe.streams",
                        "imagepipe.tags",
                        "imagepipe.signatures",
                        "imagepipe.policy");
        assertThat(topics.tagEvents().declaration().configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1");
        assertThat(topics.importRequests().declaration().configs()).containsEntry("retention.ms", "604800000");
        assertThat(topics.deadLetters().declaration().configs()).containsEntry("retention.ms", "2592000000");
        assertThat(topics.importResults().declaration().configs())
                .as("bounded logs count retention from the append, not from the event time in the record")
                .containsEntry("message.timestamp.type", "LogAppendTime");
        assertThat(topics.tagEvents().declaration().configs()).doesNotContainKey("message.timestamp.type");
        assertThat(topics.images().declaration().configs()).containsOnly(Map.entry("cleanup.policy", "compact"));
    }

    @Test
    void keepsPolicyOnOnePartitionForTotalOrder() {
        Topics topics = Topics.create("p.", 12, SERDES);

        assertThat(topics.policy().declaration().partitions()).isEqualTo(1);
        assertThat(topics.images().declaration().partitions()).isEqualTo(12);
    }

    @Test
    void rejectsPrefixThatMakesIllegalTopicNames() {
        assertThatThrownBy(() -> Topics.create("bad prefix/", 1, SERDES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic prefix \"bad prefix/\" is invalid");
    }

    @Test
    void rejectsNonPositivePartitions() {
        assertThatThrownBy(() -> Topics.create("p.", 0, SERDES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions must be >= 1");
    }

    @Test
    void declaresTheSameTopicsWithoutSerdes() {
        assertThat(Topics.declarations("acme.", 3))
                .isEqualTo(Topics.create("acme.", 3, SERDES).declarations());
    }
}
