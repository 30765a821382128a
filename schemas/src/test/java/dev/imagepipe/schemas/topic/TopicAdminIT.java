package dev.imagepipe.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TopicAdmin} against a real in-process KRaft broker. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TopicAdminIT {

    private static final Optional<Short> ONE_REPLICA = Optional.of((short) 1);

    private static KafkaClusterTestKit cluster;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void createsEveryTopicWithItsSettingsThenVerifiesIdempotently() throws Exception {
        List<TopicDeclaration> topics = Topics.declarations("create.", 2);
        TopicAdmin topicAdmin = new TopicAdmin(admin);

        TopicReport first = topicAdmin.ensure(topics, ONE_REPLICA);
        TopicReport second = topicAdmin.ensure(topics, ONE_REPLICA);

        assertThat(first.created()).hasSize(10).contains("create.images", "create.tag.events");
        assertThat(first.verified()).isEmpty();
        assertThat(second.created()).isEmpty();
        assertThat(second.verified()).hasSize(10);
        assertThat(second.warnings()).isEmpty();
        assertThat(brokerSetting("create.images", "cleanup.policy")).isEqualTo("compact");
        assertThat(brokerSetting("create.tag.events", "retention.ms")).isEqualTo("-1");
        assertThat(admin.describeTopics(List.of("create.streams"))
                        .allTopicNames()
                        .get()
                        .get("create.streams")
                        .partitions())
                .hasSize(2);
    }

    @Test
    void refusesExistingTableTopicThatIsNotCompacted() throws Exception {
        admin.createTopics(List.of(new NewTopic("bad.images", 1, (short) 1)))
                .all()
                .get();
        List<TopicDeclaration> topics = Topics.declarations("bad.", 1);

        assertThatThrownBy(() -> new TopicAdmin(admin).ensure(topics, ONE_REPLICA))
                .isInstanceOf(TopicVerificationException.class)
                .hasMessageContaining("topic bad.images: cleanup.policy is delete but should be compact")
                .satisfies(e -> assertThat(((TopicVerificationException) e).problems())
                        .extracting(TopicProblem::topic)
                        .containsExactly("bad.images"));
    }

    private static String brokerSetting(String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get()
                .get(resource)
                .get(key)
                .value();
    }
}
